"""Offline navigation: OSM import, road graph, routing, maneuvers, search, guidance, energy (Qt-free)."""
