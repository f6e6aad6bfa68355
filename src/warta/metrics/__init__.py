"""Metrics: social listening and the five ROI measures of Pedoman XI.

Data flow: ledger (published copies) → insights adapters / CSV imports → dated JSON Lines
store → SQLite aggregation → measures, inbox, evaluation → dashboards (Markdown + SVG).
"""
