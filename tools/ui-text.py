#!/usr/bin/env python3
"""Writes src/DraftingRoom.Web/Resources/UiText.resx from ui-text.en.tsv (key TAB English text), sorted by key.

The TSV is the easy place to edit English text; translators work on UiText.<culture>.resx files.
"""
import pathlib
from xml.sax.saxutils import escape

resources = pathlib.Path(__file__).resolve().parent.parent / "src" / "DraftingRoom.Web" / "Resources"
rows = []
for line in (resources / "ui-text.en.tsv").read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    key, value = line.split("\t", 1)
    rows.append((key, value))
rows.sort()
keys = [k for k, _ in rows]
duplicates = {k for k in keys if keys.count(k) > 1}
if duplicates:
    raise SystemExit(f"duplicate keys: {sorted(duplicates)}")

header = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
body = "".join(
    f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(v)}</value></data>\n' for k, v in rows)
(resources / "UiText.resx").write_text(header + body + "</root>\n", encoding="utf-8")
print(f"UiText.resx: {len(rows)} strings")
