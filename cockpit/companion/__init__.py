"""The phone companion: the car on the owner's phone over the local network, paired by QR code.

Qt-free. ``service.CompanionService`` is composed on a session (``cockpit run --companion``,
``cockpit companion``); its web server (aiohttp, HTTPS with the head unit's own certificate) runs on a
thread of its own, and phone commands are executed by :meth:`CompanionService.tick` on the thread that owns
the command layer, exactly where touch and voice commands run.
"""
