"""Local media: the library scan and its cache, the play queue, the volume and ducking policy, playback.

Qt-free: the panels in ``ui/panels/`` and the ``cockpit media`` command drive it.
"""
