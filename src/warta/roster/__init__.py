"""Roster: the agencies, their teams and approvers, from roster/*.yml."""

from warta.roster.load import LoadedRoster, load_roster
from warta.roster.models import CHANNELS, Agency, Delegate, Member, Person, Province, Roster
from warta.roster.validate import validate_roster

__all__ = [
    "CHANNELS", "Agency", "Delegate", "LoadedRoster", "Member", "Person", "Province", "Roster",
    "load_roster", "validate_roster",
]
