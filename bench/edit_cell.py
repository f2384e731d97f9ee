"""Writes a copy of an xlsx with one number cell changed, the way a user's save in Excel changes it:
`edit_cell.py IN OUT SHEET HEADER ROW VALUE` sets the cell under the column headed HEADER (first
row of SHEET) in data row ROW (1 = the first row under the header) to the number VALUE. For the
benchmark only (bench/run): it handles what rust_xlsxwriter writes (shared strings, numbers)."""
import re
import sys
import zipfile

src, dst, sheet_name, header, row, value = sys.argv[1:7]
row = int(row)
with zipfile.ZipFile(src) as z:
    parts = {name: z.read(name) for name in z.namelist()}
    infos = {info.filename: info for info in z.infolist()}
workbook = parts["xl/workbook.xml"].decode()
rels = parts["xl/_rels/workbook.xml.rels"].decode()
rid = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(sheet_name), workbook).group(1)
target = re.search(r'Id="%s"[^>]*Target="([^"]+)"' % rid, rels) or re.search(
    r'Target="([^"]+)"[^>]*Id="%s"' % rid, rels)
part = "xl/" + target.group(1).lstrip("/").removeprefix("xl/")
strings = re.findall(r"<si><t[^>]*>([^<]*)</t></si>", parts["xl/sharedStrings.xml"].decode())
xml = parts[part].decode()
index = strings.index(header)
column = re.search(r'<c r="([A-Z]+)1"[^>]*t="s"[^>]*><v>%d</v></c>' % index, xml).group(1)
cell = "%s%d" % (column, row + 1)
xml, count = re.subn(r'(<c r="%s"[^>]*>)<v>[^<]*</v>' % cell, r"\g<1><v>%s</v>" % value, xml)
assert count == 1, "cellen %s är inget tal" % cell
parts[part] = xml.encode()
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(infos[name], data, compress_type=zipfile.ZIP_DEFLATED)
