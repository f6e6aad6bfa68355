"""Warta: the publishing system of Provinsi Bengkulu's Tim Publikasi dan Informasi."""

__version__ = "0.1.0"
