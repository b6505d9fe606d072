"""The page itself: plain HTML whose parts the script fills from /state."""

from __future__ import annotations

from html import escape

from handlers.sandbox.people import PEOPLE


def page_html() -> str:
    people = "".join(
        f'<option value="{escape(p.user_id)}">{escape(p.real_name)} – {escape(p.title)}</option>'
        for p in PEOPLE
    )
    return f"""<!doctype html>
<html lang="fi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tiimi – hiekkalaatikko</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/static/sandbox.css">
</head>
<body>
<header class="topbar">
  <h1>Tiimi – hiekkalaatikko</h1>
  <p class="user"><label for="user">Käyttäjä</label>
    <select id="user">{people}</select></p>
  <div class="clock" role="group" aria-label="Botin kello">
    <p>Botin aika: <time id="now"></time></p>
    <button type="button" data-clock="hour">+1 tunti</button>
    <button type="button" data-clock="day">+1 päivä</button>
    <button type="button" data-clock="next">Seuraava muistutus</button>
  </div>
  <p id="notice" role="status" aria-live="polite"></p>
</header>
<div class="workspace">
  <nav id="sidebar" aria-label="Keskustelut"></nav>
  <main>
    <div id="conversation" aria-live="polite"></div>
    <form id="composer" autocomplete="off">
      <label for="message">Viesti</label>
      <textarea id="message" rows="2" placeholder="Esim. /tiimi uusi @Mikko @Leena"
        aria-describedby="message-help"></textarea>
      <small id="message-help">Enter lähettää, Shift+Enter vaihtaa riviä.</small>
      <button type="submit">Lähetä</button>
    </form>
  </main>
</div>
<dialog id="modal" aria-labelledby="modal-title"></dialog>
<script src="/static/sandbox.js"></script>
</body>
</html>
"""
