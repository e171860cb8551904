"""Opening a Word file as hostile input: a bounded zip, then XML parsed without DTDs, entities or network.

A .docx is a zip of XML parts. Before any XML is parsed the zip is checked
whole: the file's size, the number of entries, their declared sizes and their
compression ratio (a zip bomb declares little and inflates to gigabytes).
Only the parts the import needs are inflated (the body, and the styles and
numbering that say how it is numbered and laid out), each read no further than
its bound. Each is parsed by one lxml parser that loads no DTD, expands no
entity and never touches the network; a part that declares a DTD at all is
refused (Word never writes one), and so is XML nested deeper than libxml2's
bound. Every refusal is a ``DocxRefused`` carrying a message key and its
arguments; nothing here prints.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field

#: The largest .docx read, in bytes.
MAX_BYTES = 50 * 1024 * 1024
#: Entries in the zip: a long document with many images has a few hundred.
MAX_ENTRIES = 5000
#: The sum of the entries' declared sizes, inflated.
MAX_TOTAL = 512 * 1024 * 1024
#: The largest part parsed (word/document.xml of a 200-row plan is about 1 MB).
MAX_PART = 32 * 1024 * 1024
#: Inflated size over compressed size, for an entry over RATIO_FLOOR bytes inflated.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Streams of an encrypted Office package (ECMA-376 encryption: a .docx saved with a password).
_ENCRYPTED = {"EncryptionInfo", "EncryptedPackage"}
#: Sector numbers from here up are markers (end of chain, free, FAT, DIFAT); chains longer than this are not followed.
_MAX_SECTOR = 0xFFFFFFFA
_OLE_CHAIN = 100_000
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_MAIN = "word/document.xml"
_PARTS = {"styles": "word/styles.xml", "numbering": "word/numbering.xml"}


class DocxRefused(Exception):
    """The file is not a Word document cchc will read: *key* and *args* make the message (cchc.messages.docx)."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.params = args


@dataclass
class Package:
    """The parsed parts of a .docx: the body's root element, and the styles and numbering (None when absent)."""

    document: object
    styles: object | None = None
    numbering: object | None = None
    agency_names: list = field(default_factory=list)  # the names a document cchc wrote lists (its custom properties)


def open_package(data: bytes) -> Package:
    """Check *data* as a .docx and parse the parts the import reads; DocxRefused when it is not one, or is hostile."""
    if len(data) > MAX_BYTES:
        raise DocxRefused("docx.too-large", limit=MAX_BYTES)
    if data.startswith(_OLE_MAGIC):
        # Word saves a .docx with a password as an OLE file too, holding the encrypted package.
        raise DocxRefused("docx.encrypted" if _ENCRYPTED & ole_streams(data) else "docx.ole")
    if not data.startswith(_ZIP_MAGIC):
        raise DocxRefused(_other_format(data))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, RuntimeError):
        raise DocxRefused("docx.truncated") from None  # a zip's start with no directory at its end: cut short
    _check_entries(infos)
    names = {info.filename: info for info in infos}
    main = _related(archive, names, "", "/officeDocument").get("/officeDocument", _MAIN)  # Word Online: document2.xml
    if main not in names:
        mimetype = names.get("mimetype")  # an OpenDocument file says what it is in its first entry
        if mimetype is not None and mimetype.file_size < 100 and _read(archive, mimetype).startswith(_OPENDOCUMENT):
            raise DocxRefused("docx.odt")
        raise DocxRefused("docx.no-document") if main == _MAIN else DocxRefused("docx.no-main-part", part=main[:200])
    document = _parse(archive, names[main])
    if document.tag == f"{{{_STRICT}}}document":
        raise DocxRefused("docx.strict")
    if document.tag != f"{{{W}}}document":
        raise DocxRefused("docx.xml", part=main, detail=f"root element {document.tag}")
    related = _related(archive, names, main, *(f"/{key}" for key in _PARTS))
    paths = {key: related.get(f"/{key}", name) for key, name in _PARTS.items()}
    parts = {key: _parse(archive, names[path]) if path in names else None for key, path in paths.items()}
    custom = _related(archive, names, "", "/custom-properties").get("/custom-properties")
    return Package(document, parts["styles"], parts["numbering"], _agency_names(archive, names[custom]) if custom in names else [])


#: The custom document properties in which cchc writes a plan's agency names (``cchc.outputs.docx.AGENCY_NAMES``).
AGENCY_NAMES = "cchc-agencies-"
#: At most this many of their names are read, each at most this long (as ``cchc.inputs.docx_agencies`` bounds a cell's).
MAX_AGENCY_NAMES, MAX_AGENCY_NAME = 20_000, 300


def _agency_names(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> list[str]:
    """The agency names a document cchc wrote lists in its custom properties (none in any other document, nor in a
    part that is not well-formed XML: it is the document's metadata, not its text, and is then passed over)."""
    try:
        properties = _parse(archive, info)
    except DocxRefused:
        return []
    names: list[str] = []
    for prop in properties:
        if (prop.get("name") or "").startswith(AGENCY_NAMES) and len(names) < MAX_AGENCY_NAMES:
            names += "".join(prop.itertext()).split("\n", MAX_AGENCY_NAMES)[:MAX_AGENCY_NAMES]
    return [name.strip() for name in names[:MAX_AGENCY_NAMES] if name.strip() and len(name) <= MAX_AGENCY_NAME]


#: Strict Open XML (ISO/IEC 29500 Strict), which Word writes when asked to: other namespaces throughout.
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _related(archive: zipfile.ZipFile, names: dict, part: str, *kinds: str) -> dict[str, str]:
    """The parts *part* ("" for the package) points to by relationship, by the end of the relationship's type
    ("/officeDocument", "/styles"), as paths in the archive; those it does not name are left out."""
    folder, _, name = part.rpartition("/")
    rels = names.get(posixpath.join(folder, "_rels", name + ".rels"))
    if rels is None:
        return {}
    found: dict[str, str] = {}
    for relationship in _parse(archive, rels):
        kind = next((k for k in kinds if relationship.get("Type", "").endswith(k)), None)
        target = relationship.get("Target", "")
        if kind is not None and kind not in found and relationship.get("TargetMode") != "External" and target:
            found[kind] = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
    return found


_OPENDOCUMENT = b"application/vnd.oasis.opendocument"


def _other_format(data: bytes) -> str:
    """The message key for a file that is not a zip: a PDF, an RTF, a web page saved with a Word name, or none of these."""
    if not data.strip():
        return "docx.empty"
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16, as some tools save a web page
        data = data[2:1026].decode("utf-16-le" if data[:2] == b"\xff\xfe" else "utf-16-be", "replace").encode("utf-8")
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<w:worddocument" in head or b'progid="word.document"' in head:
        return "docx.word-xml"
    if head.startswith(b"%pdf-"):
        return "docx.pdf"
    if head.startswith(b"{\\rtf"):
        return "docx.rtf"
    if head.startswith((b"<!doctype html", b"<html", b"mime-version:", b"content-type:")) or (head.startswith(b"<?xml") and b"<html" in head):
        return "docx.html"
    return "docx.not-zip"


def ole_streams(data: bytes) -> set[str]:
    """The names in an OLE compound file's directory (the empty set when it cannot be read), read within bounds.

    The header gives the sector size and the FAT's sectors (the first 109, then a DIFAT chain); the
    directory is a chain of sectors through the FAT, of 128-byte entries: a UTF-16 name, its length, a type.
    """
    try:
        shift = int.from_bytes(data[30:32], "little")
        if shift not in (9, 12) or len(data) < 512:
            return set()
        size = 1 << shift
        per = size // 4  # sector numbers per sector
        sectors = (len(data) - size) // size  # sector n starts at byte (n + 1) * size

        def sector(n: int) -> bytes:
            if n >= sectors:
                raise ValueError(n)
            return data[(n + 1) * size : (n + 2) * size]

        def word(raw: bytes, k: int) -> int:
            return int.from_bytes(raw[4 * k : 4 * k + 4], "little")

        fat_sectors = [word(data[76:512], k) for k in range(109)]
        difat, seen = word(data, 17), set()
        while difat < _MAX_SECTOR and difat not in seen and len(fat_sectors) <= sectors + 109:
            seen.add(difat)
            raw = sector(difat)
            fat_sectors += [word(raw, k) for k in range(per - 1)]
            difat = word(raw, per - 1)
        names: set[str] = set()
        current, seen = word(data, 12), set()
        while current < _MAX_SECTOR and current not in seen and len(seen) < _OLE_CHAIN:
            seen.add(current)
            raw = sector(current)
            for k in range(0, size, 128):
                length = int.from_bytes(raw[k + 64 : k + 66], "little")
                if raw[k + 66] in (1, 2, 5) and 2 <= length <= 64:
                    names.add(raw[k : k + length - 2].decode("utf-16-le", "replace"))
            # The next directory sector is the FAT's entry for this one.
            fat_sector = fat_sectors[current // per] if current // per < len(fat_sectors) else _MAX_SECTOR
            current = word(sector(fat_sector), current % per) if fat_sector < _MAX_SECTOR else _MAX_SECTOR
        return names
    except (ValueError, IndexError):
        return set()


def _check_entries(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise DocxRefused("docx.zip-entries", count=len(infos), limit=MAX_ENTRIES)
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:  # two entries of one name: readers disagree on which one counts
            raise DocxRefused("docx.zip-duplicate", name=info.filename)
        seen.add(info.filename)
        total += info.file_size
        if total > MAX_TOTAL:
            raise DocxRefused("docx.zip-size", limit=MAX_TOTAL)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DocxRefused("docx.zip-ratio", name=info.filename, ratio=info.file_size // max(info.compress_size, 1), limit=MAX_RATIO)


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The inflated part, read no further than MAX_PART (whatever its header declares)."""
    if info.file_size > MAX_PART:
        raise DocxRefused("docx.part-too-large", part=info.filename, limit=MAX_PART)
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_PART + 1)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        # A bad CRC, a truncated or encrypted entry, an unknown compression method.
        raise DocxRefused("docx.zip-corrupt", part=info.filename) from None
    if len(data) > MAX_PART:
        raise DocxRefused("docx.part-too-large", part=info.filename, limit=MAX_PART)
    return data


def _parser():
    from lxml import etree

    # No DTD is loaded or validated, no entity expanded, nothing fetched; comments and
    # processing instructions are dropped. huge_tree stays off: libxml2 then refuses
    # nesting deeper than 256 and single text nodes over 10 MB.
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


def _parse(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    from lxml import etree

    data = _read(archive, info)
    # Refuse a DTD before parsing: Word never writes one, and an internal subset is
    # where entity bombs and external entities live.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise DocxRefused("docx.dtd", part=info.filename)
    # Word writes UTF-8; in UTF-16 or UTF-32 the scan above would see nothing.
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00", b"<\x00")):
        raise DocxRefused("docx.xml", part=info.filename, detail="not UTF-8")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc)
        if "depth" in message.lower() or "nested" in message.lower():
            raise DocxRefused("docx.too-deep", part=info.filename) from None
        raise DocxRefused("docx.xml", part=info.filename, detail=message[:200]) from None
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise DocxRefused("docx.dtd", part=info.filename)
    return root
