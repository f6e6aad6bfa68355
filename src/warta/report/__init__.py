"""`warta report`: the pull-request comment the Kepala PD reads."""

from warta.report.build import PostReport, Report, build_report
from warta.report.markdown import MARKER, render_markdown

__all__ = ["MARKER", "PostReport", "Report", "build_report", "render_markdown"]
