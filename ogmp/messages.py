"""Every message ogmp shows a user, in Thai and English.

A :class:`Message` is a code plus parameters; it is rendered in the user's
language only when shown. Parameters may themselves be messages or bilingual
texts (rendered in the same language) or sequences (joined with a comma).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

Lang = Literal["th", "en"]
LANGS: tuple[Lang, ...] = ("th", "en")

# code -> (English, Thai). Thai is written as a Thai civil servant would say it.
CATALOG: dict[str, tuple[str, str]] = {
    # --- generic -------------------------------------------------------------
    "severity.warning": ("warning", "คำเตือน"),
    "input.invalid": ("the input is not valid", "ข้อมูลนำเข้าไม่ถูกต้อง"),
    "list.or": ("{head} or {last}", "{head} หรือ {last}"),
    # --- reading files -------------------------------------------------------
    "file.not_found": (
        "file not found; check the path",
        "ไม่พบไฟล์ กรุณาตรวจสอบชื่อและตำแหน่งไฟล์",
    ),
    "file.not_regular": (
        "not a regular file; give the path of a .yaml file",
        "ตำแหน่งที่ระบุไม่ใช่ไฟล์ (อาจเป็นโฟลเดอร์) กรุณาระบุตำแหน่งของไฟล์ .yaml",
    ),
    "file.unreadable": (
        "cannot be read ({reason}); check the file's permissions",
        "อ่านไฟล์ไม่ได้ ({reason}) กรุณาตรวจสอบสิทธิ์การเข้าถึงไฟล์",
    ),
    "folder.not_found": (
        "folder not found; check the path",
        "ไม่พบโฟลเดอร์ กรุณาตรวจสอบชื่อและตำแหน่งโฟลเดอร์",
    ),
    "folder.not_a_folder": (
        "this is a file, not a folder; give the path of a folder",
        "ตำแหน่งนี้เป็นไฟล์ ไม่ใช่โฟลเดอร์ กรุณาระบุตำแหน่งของโฟลเดอร์",
    ),
    "folder.unreadable": (
        "this folder cannot be searched ({reason}), so the files in it were not checked",
        "ค้นหาไฟล์ในโฟลเดอร์นี้ไม่ได้ ({reason}) จึงไม่ได้ตรวจไฟล์ที่อยู่ในโฟลเดอร์นี้",
    ),
    "os.permission": ("permission denied", "ไม่มีสิทธิ์เข้าถึง"),
    "os.not_found": ("it does not exist", "ไม่มีอยู่"),
    "os.disk_full": ("the disk is full", "พื้นที่ดิสก์เต็ม"),
    "os.read_only": ("the disk is read-only", "ดิสก์เป็นแบบอ่านอย่างเดียว"),
    "os.is_folder": ("it is a folder", "เป็นโฟลเดอร์"),
    "os.not_folder": ("a part of the path is not a folder", "บางส่วนของตำแหน่งไม่ใช่โฟลเดอร์"),
    "os.link_loop": ("a link points back to itself", "ลิงก์ชี้วนกลับมาที่ตัวเอง"),
    "os.name_too_long": ("the name is too long", "ชื่อยาวเกินไป"),
    "os.io": ("the disk could not be read or written", "อ่านหรือเขียนดิสก์ไม่สำเร็จ"),
    "file.too_large": (
        "the file is {size} but the limit is {limit}; an assessment file is normally"
        " well under 1 MB, so check that this is the right file",
        "ไฟล์มีขนาด {size} เกินขีดจำกัด {limit} ปกติไฟล์แบบประเมินมีขนาดไม่ถึง 1 MB กรุณาตรวจสอบว่าเลือกไฟล์ถูกต้อง",
    ),
    "file.empty": (
        "the file is empty; start from a scaffold made by `ogmp init`",
        "ไฟล์ว่างเปล่า กรุณาเริ่มจากแบบฟอร์มที่สร้างด้วยคำสั่ง `ogmp init`",
    ),
    "file.binary": (
        "this is not a text file (it contains NUL bytes); save it as UTF-8 text",
        "ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (มีไบต์ NUL ปนอยู่) กรุณาบันทึกเป็นข้อความแบบ UTF-8",
    ),
    "encoding.utf16": (
        "the file is saved as UTF-16; save it again as UTF-8"
        " (VS Code: click the encoding in the status bar, choose 'Save with Encoding', UTF-8)",
        "ไฟล์ถูกบันทึกเป็น UTF-16 กรุณาบันทึกใหม่เป็น UTF-8"
        " (VS Code: คลิกชื่อการเข้ารหัสที่แถบสถานะด้านล่าง เลือก Save with Encoding แล้วเลือก UTF-8)",
    ),
    "encoding.thai_legacy": (
        "the file looks saved as TIS-620/Windows-874 (legacy Thai encoding); save it again"
        " as UTF-8 (Notepad: Save As, Encoding: UTF-8; VS Code: Save with Encoding, UTF-8)",
        "ไฟล์นี้น่าจะบันทึกด้วยรหัสอักขระไทยแบบเก่า (TIS-620/Windows-874) กรุณาบันทึกใหม่เป็น UTF-8"
        " (Notepad: Save As แล้วเลือก Encoding เป็น UTF-8; VS Code: Save with Encoding แล้วเลือก UTF-8)",
    ),
    "encoding.not_utf8": (
        "the file is not valid UTF-8 text; save it again as UTF-8",
        "ไฟล์ไม่ได้เข้ารหัสแบบ UTF-8 กรุณาบันทึกใหม่เป็น UTF-8",
    ),
    # --- YAML syntax ---------------------------------------------------------
    "yaml.tab": (
        "a tab character is used for indentation; YAML needs spaces"
        " (set your editor to insert spaces when Tab is pressed)",
        "พบอักขระ Tab ในการย่อหน้า ไฟล์ YAML ต้องย่อหน้าด้วยช่องว่าง (เว้นวรรค) เท่านั้น"
        " (ตั้งค่าโปรแกรมแก้ไขให้กดปุ่ม Tab แล้วได้ช่องว่างแทน)",
    ),
    "yaml.reserved_char": (
        "'{char}' cannot start a key or a value in YAML; put the text that starts with it in quotes",
        "ใน YAML คีย์หรือค่าต้องไม่ขึ้นต้นด้วย '{char}' กรุณาใส่ข้อความที่ขึ้นต้นด้วยเครื่องหมายนี้ไว้ในเครื่องหมายคำพูด",
    ),
    "yaml.unclosed_quote": (
        "a quoted text that starts here is never closed; add the closing {quote}",
        "ข้อความในเครื่องหมายคำพูดที่เริ่มบรรทัดนี้ไม่มีเครื่องหมายปิด กรุณาเติม {quote} ปิดท้าย",
    ),
    "yaml.unexpected_colon": (
        "unexpected ':' here; if the text contains ': ', put the whole text in quotes,"
        " otherwise check the indentation of this line",
        "พบเครื่องหมาย ':' ในตำแหน่งที่ไม่ควรมี ถ้าข้อความมี ': ' อยู่ด้วย ให้ใส่ข้อความทั้งหมดใน"
        "เครื่องหมายคำพูด มิฉะนั้นให้ตรวจสอบการย่อหน้าของบรรทัดนี้",
    ),
    "yaml.indentation": (
        "the indentation of this line does not match the lines above;"
        " keys at the same level must start in the same column",
        "การย่อหน้าของบรรทัดนี้ไม่ตรงกับบรรทัดก่อนหน้า คีย์ที่อยู่ระดับเดียวกันต้องเริ่มที่คอลัมน์เดียวกัน",
    ),
    "yaml.missing_colon": (
        "expected 'key: value' here; a key must be followed by a colon and a space",
        "ควรเป็นรูปแบบ 'คีย์: ค่า' หลังชื่อคีย์ต้องมีเครื่องหมาย ':' และเว้นวรรคหนึ่งครั้ง",
    ),
    "yaml.syntax": (
        "this line cannot be read as YAML; check its indentation, that each key is followed by"
        " ': ' (a colon and a space), and that text containing symbols is in quotes",
        "อ่านบรรทัดนี้ตามรูปแบบ YAML ไม่ได้ กรุณาตรวจสอบการย่อหน้า ตรวจว่าหลังชื่อคีย์ทุกตัวมี ': '"
        " (โคลอนตามด้วยการเว้นวรรค) และข้อความที่มีสัญลักษณ์อยู่ในเครื่องหมายคำพูด",
    ),
    "yaml.alias": (
        "YAML anchors and aliases (&name, *name) are not allowed; write the value out in full{hint}",
        "ไม่อนุญาตให้ใช้ anchor และ alias ของ YAML (&ชื่อ, *ชื่อ) กรุณาเขียนค่าให้ครบถ้วนในตำแหน่งนั้น{hint}",
    ),
    "yaml.quote_hint": (
        "; if this is text, put it in quotes: {fix}",
        " หากเป็นข้อความ ให้ใส่ไว้ในเครื่องหมายคำพูด เช่น {fix}",
    ),
    "yaml.tag": (
        "YAML tags ({tag}) are not allowed; write a plain value{hint}",
        "ไม่อนุญาตให้ใช้แท็กของ YAML ({tag}) กรุณาเขียนเป็นค่าธรรมดา{hint}",
    ),
    "yaml.multiple_documents": (
        "the file holds more than one YAML document ('---'); keep one assessment per file",
        "ไฟล์มีเอกสาร YAML มากกว่าหนึ่งชุด (คั่นด้วย '---') กรุณาแยกเป็นหนึ่งแบบประเมินต่อหนึ่งไฟล์",
    ),
    "yaml.too_deep": (
        "the data is nested more than {limit} levels deep; check the indentation",
        "ข้อมูลซ้อนกันลึกเกิน {limit} ชั้น กรุณาตรวจสอบการย่อหน้า",
    ),
    "yaml.complex_key": (
        "a key must be plain text",
        "ชื่อคีย์ต้องเป็นข้อความธรรมดา",
    ),
    "yaml.empty_key": (
        "a key is missing before ':'",
        "ไม่มีชื่อคีย์หน้าเครื่องหมาย ':'",
    ),
    "yaml.duplicate_key": (
        "the key '{key}' appears twice in the same place (first on line {first_line});"
        " keep one and delete the other",
        "คีย์ '{key}' ซ้ำกันในระดับเดียวกัน (ปรากฏครั้งแรกที่บรรทัด {first_line}) กรุณาเก็บไว้เพียงรายการเดียว",
    ),
    "yaml.not_mapping": (
        "the file must be a set of 'key: value' entries (a YAML mapping), not {found}",
        "เนื้อหาของไฟล์ต้องอยู่ในรูป 'คีย์: ค่า' (YAML mapping) ไม่ใช่{found}",
    ),
    "yaml.invisible_key": (
        "the key '{key}' contains the invisible character {char}, often pasted from Word or"
        " Excel; delete the key and type it again",
        "คีย์ '{key}' มีอักขระที่มองไม่เห็น {char} ปนอยู่ ซึ่งมักติดมาจากการคัดลอกจาก Word หรือ Excel กรุณาลบชื่อคีย์แล้วพิมพ์ใหม่",
    ),
    "yaml.odd_space": (
        "{char} is here where YAML needs an ordinary space (it is often pasted from Word or"
        " Excel); delete it and type a space",
        "ตรงนี้มี {char} ในตำแหน่งที่ YAML ต้องการการเว้นวรรคธรรมดา (มักติดมาจากการคัดลอกจาก"
        " Word หรือ Excel) กรุณาลบออกแล้วเว้นวรรคใหม่",
    ),
    "yaml.fullwidth_colon": (
        "{char} is not the colon YAML needs after a key; type an ordinary colon and a space: {fix}",
        "{char} ไม่ใช่เครื่องหมายโคลอนที่ YAML ใช้หลังชื่อคีย์ กรุณาพิมพ์ ':' ธรรมดาแล้วเว้นวรรค เช่น {fix}",
    ),
    "yaml.colon_space": (
        "a key needs a space after its colon; type one: {fix}",
        "หลังเครื่องหมาย ':' ของชื่อคีย์ต้องเว้นวรรคหนึ่งครั้ง กรุณาแก้เป็น {fix}",
    ),
    "yaml.curly_quote": (
        "the value starts with the curly quote {char}, which YAML does not read as a quote;"
        " type straight quotes instead: {fix}",
        "ค่าขึ้นต้นด้วยเครื่องหมายคำพูดแบบโค้ง {char} ซึ่ง YAML ไม่ถือเป็นเครื่องหมายคำพูด"
        " กรุณาพิมพ์เครื่องหมายคำพูดตรงแทน เช่น {fix}",
    ),
    "yaml.indicator_start": (
        "a value cannot start with '{char}' ({meaning}); put the whole value in quotes: {fix}",
        "ค่าต้องไม่ขึ้นต้นด้วย '{char}' ({meaning}) กรุณาใส่ค่าทั้งหมดไว้ในเครื่องหมายคำพูด เช่น {fix}",
    ),
    "yaml.meaning.list_item": (
        "YAML reads it as the start of a list",
        "YAML อ่านเป็นการเริ่มรายการ",
    ),
    "yaml.meaning.alias": ("YAML reads it as an alias", "YAML อ่านเป็น alias"),
    "yaml.meaning.anchor": ("YAML reads it as an anchor", "YAML อ่านเป็น anchor"),
    "yaml.meaning.tag": ("YAML reads it as a tag", "YAML อ่านเป็นแท็ก"),
    "yaml.meaning.list": ("YAML reads it as a list", "YAML อ่านเป็นรายการ"),
    "yaml.meaning.mapping": (
        "YAML reads it as a set of 'key: value' entries",
        "YAML อ่านเป็นชุดข้อมูลแบบ 'คีย์: ค่า'",
    ),
    "yaml.meaning.block": (
        "YAML reads it as a block of text on the next lines",
        "YAML อ่านเป็นข้อความหลายบรรทัดในบรรทัดถัดไป",
    ),
    "yaml.meaning.reserved": ("YAML reserves it", "YAML สงวนไว้ใช้เป็นสัญลักษณ์พิเศษ"),
    "yaml.meaning.key": ("YAML reads it as a key", "YAML อ่านเป็นคีย์"),
    "yaml.meaning.separator": ("YAML reads it as a separator", "YAML อ่านเป็นเครื่องหมายคั่น"),
    "yaml.colon_in_text": (
        "a text that contains ': ' must be in quotes; put the whole value in quotes: {fix}",
        "ข้อความที่มี ': ' อยู่ด้วยต้องอยู่ในเครื่องหมายคำพูด กรุณาใส่ค่าทั้งหมดไว้ในเครื่องหมายคำพูด เช่น {fix}",
    ),
    "yaml.backslash": (
        "inside double quotes a backslash starts an escape, and {escape} here is not a valid one; write the"
        " path with '/' ({fix}) or put the value in single quotes",
        "ภายในเครื่องหมายคำพูดคู่ เครื่องหมาย \\ ใช้ขึ้นต้นรหัสพิเศษ และ {escape} ในตำแหน่งนี้ไม่ใช่รหัสที่ใช้ได้"
        " กรุณาใช้ '/' แทน ({fix}) หรือใส่ค่าไว้ในเครื่องหมายคำพูดเดี่ยว",
    ),
    "yaml.backslash_escape": (
        "inside double quotes {escape} is read as one special character, not as a backslash and"
        " a letter; if you meant a backslash (as in a Windows path), write '/' instead or put"
        " the value in single quotes",
        "ภายในเครื่องหมายคำพูดคู่ {escape} ถูกอ่านเป็นอักขระพิเศษหนึ่งตัว ไม่ใช่เครื่องหมาย \\"
        " กับตัวอักษร หากต้องการเครื่องหมาย \\ (เช่น ในตำแหน่งไฟล์ของ Windows) ให้ใช้ '/' แทน"
        " หรือใส่ค่าไว้ในเครื่องหมายคำพูดเดี่ยว",
    ),
    "yaml.hashtag": (
        "the text from ' #' on ({dropped}) is read as a comment and left out; to keep it, put"
        " the whole value in quotes: {fix}",
        "ข้อความตั้งแต่ ' #' เป็นต้นไป ({dropped}) ถูกอ่านเป็นหมายเหตุ (comment) และไม่ถูกนำไปใช้"
        " หากต้องการเก็บไว้ ให้ใส่ค่าทั้งหมดไว้ในเครื่องหมายคำพูด เช่น {fix}",
    ),
    "yaml.hashtag_quoted": (
        "the text from ' #' on ({dropped}) is outside the quotes, so it is read as a comment"
        " and left out; to keep it, move it inside the quotes",
        "ข้อความตั้งแต่ ' #' เป็นต้นไป ({dropped}) อยู่นอกเครื่องหมายคำพูดจึงถูกอ่านเป็นหมายเหตุ"
        " (comment) และไม่ถูกนำไปใช้ หากต้องการเก็บไว้ ให้ย้ายเข้าไปไว้ในเครื่องหมายคำพูด",
    ),
    "yaml.kind.list": ("a list", "รายการ (list)"),
    "yaml.kind.text": ("a single text", "ข้อความเดี่ยว"),
    # --- structure (from the models) -----------------------------------------
    "field.missing": (
        "required key '{key}' is missing; add it",
        "ไม่พบคีย์ '{key}' ซึ่งจำเป็นต้องมี กรุณาเพิ่มคีย์นี้",
    ),
    "field.unknown": (
        "unknown key '{key}'{hint}; check the spelling or remove it",
        "ไม่รู้จักคีย์ '{key}'{hint} กรุณาตรวจสอบการสะกดหรือลบออก",
    ),
    "field.unknown.hint": (" (did you mean '{suggestion}'?)", " (หมายถึง '{suggestion}' หรือไม่)"),
    "field.allowed": (" (allowed here: {allowed})", " (คีย์ที่ใช้ได้ที่นี่: {allowed})"),
    "type.text": ("expected a text here", "ค่าในตำแหน่งนี้ต้องเป็นข้อความ"),
    "type.scalar": (
        "expected a single value here, not a list or a set of 'key: value' entries",
        "ค่าในตำแหน่งนี้ต้องเป็นค่าเดี่ยว ไม่ใช่รายการหรือชุดข้อมูลแบบ 'คีย์: ค่า'",
    ),
    "type.integer": (
        "expected a whole number here, got '{value}'",
        "ค่าในตำแหน่งนี้ต้องเป็นจำนวนเต็ม แต่พบ '{value}'",
    ),
    "type.number": ("expected a number here, got '{value}'", "ค่าในตำแหน่งนี้ต้องเป็นตัวเลข แต่พบ '{value}'"),
    "type.boolean": (
        "expected true or false here, got '{value}'",
        "ค่าในตำแหน่งนี้ต้องเป็น true หรือ false (หรือ ใช่ / ไม่ใช่) แต่พบ '{value}'",
    ),
    "type.date": (
        "expected a date written as YYYY-MM-DD (e.g. 2021-03-22 or 2564-03-22), got '{value}'",
        "ค่าในตำแหน่งนี้ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว (เช่น 2564-03-22 หรือ 2021-03-22) แต่พบ '{value}'",
    ),
    "type.mapping": (
        "expected a set of 'key: value' entries here",
        "ค่าในตำแหน่งนี้ต้องเป็นชุดข้อมูลแบบ 'คีย์: ค่า'",
    ),
    "type.list": (
        "expected a list here (lines starting with '- ')",
        "ค่าในตำแหน่งนี้ต้องเป็นรายการ (แต่ละบรรทัดขึ้นต้นด้วย '- ')",
    ),
    "value.empty": ("must not be empty", "ต้องไม่เว้นว่าง"),
    "list.too_short": ("needs at least {count} item(s)", "ต้องมีอย่างน้อย {count} รายการ"),
    "list.too_long": ("may have at most {count} item(s)", "มีได้ไม่เกิน {count} รายการ"),
    "value.too_long": (
        "is too long ({length} characters; the limit is {limit})",
        "ยาวเกินไป ({length} ตัวอักษร ขีดจำกัดคือ {limit})",
    ),
    "value.range": (
        "{value} is out of range; use a number from {low} to {high}",
        "ค่า {value} อยู่นอกช่วงที่กำหนด กรุณาใช้ตัวเลขตั้งแต่ {low} ถึง {high}",
    ),
    "value.positive": ("must be a number greater than 0", "ต้องเป็นตัวเลขที่มากกว่า 0"),
    "value.choice": (
        "'{value}' is not one of the allowed values: {allowed}",
        "'{value}' ไม่ใช่ค่าที่ใช้ได้ ค่าที่ใช้ได้คือ {allowed}",
    ),
    "value.invalid": (
        "this value is not valid here ({detail}); compare it with the scaffold that `ogmp init` writes",
        "ค่านี้ใช้ในตำแหน่งนี้ไม่ได้ ({detail}) กรุณาเทียบกับแบบฟอร์มที่สร้างด้วยคำสั่ง `ogmp init`",
    ),
    "value.pattern": (
        "'{value}' does not have the form this value needs ({pattern})",
        "'{value}' ไม่อยู่ในรูปแบบที่กำหนดสำหรับค่านี้ ({pattern})",
    ),
    "value.bound": ("'{value}' is out of the allowed range", "'{value}' อยู่นอกช่วงที่กำหนด"),
    "value.control_chars": (
        "contains the control character {char} (a line break or code pasted from Word or a"
        " terminal); delete it",
        "มีอักขระควบคุม {char} ปนอยู่ (เช่น การขึ้นบรรทัดหรือรหัสที่ติดมาจากการคัดลอกจาก Word) กรุณาลบออก",
    ),
    "value.invisible": (
        "'{value}' contains the invisible character {char}, often pasted from Word or Excel;"
        " delete it and type the value again",
        "'{value}' มีอักขระที่มองไม่เห็น {char} ปนอยู่ ซึ่งมักติดมาจากการคัดลอกจาก Word หรือ Excel กรุณาลบออกแล้วพิมพ์ค่าใหม่",
    ),
    "value.curly_quotes": (
        "'{value}' is in curly quotes ({char}), which YAML keeps as part of the value; type the"
        ' value without quotes, or in straight quotes (")',
        "'{value}' อยู่ในเครื่องหมายคำพูดแบบโค้ง ({char}) ซึ่ง YAML ถือเป็นส่วนหนึ่งของค่า"
        ' กรุณาพิมพ์ค่าโดยไม่มีเครื่องหมายคำพูด หรือใช้เครื่องหมายคำพูดตรง (")',
    ),
    "text.bidi": (
        "contains the direction-control character {char}, which makes the text look different"
        " from what is stored; delete it",
        "มีอักขระควบคุมทิศทางข้อความ {char} ปนอยู่ ซึ่งทำให้ข้อความแสดงผลไม่ตรงกับที่บันทึกไว้ กรุณาลบออก",
    ),
    "value.slug": (
        "'{value}' is not a valid id; use lowercase English letters, digits and '_', starting with a letter",
        "'{value}' ใช้เป็นรหัสไม่ได้ ต้องเป็นอักษรภาษาอังกฤษตัวพิมพ์เล็ก ตัวเลข หรือ '_' และขึ้นต้นด้วยตัวอักษร",
    ),
    "value.rubric_id": (
        "'{value}' is not a valid rubric id; use lowercase English letters, digits and '-' (e.g. ogmp-8)",
        "'{value}' ใช้เป็นรหัสเกณฑ์ไม่ได้ ต้องเป็นอักษรภาษาอังกฤษตัวพิมพ์เล็ก ตัวเลข หรือ '-' (เช่น ogmp-8)",
    ),
    "value.unit_code": (
        "'{value}' is not a valid unit code; use letters, digits, '-', '.' or '_' (e.g. TH-52 for Lampang)",
        "'{value}' ใช้เป็นรหัสหน่วยงานไม่ได้ ต้องประกอบด้วยตัวอักษร ตัวเลข '-' '.' หรือ '_' (เช่น TH-52 สำหรับจังหวัดลำปาง)",
    ),
    "value.province_code": (
        "'{value}' is not a province code; write the province's ISO 3166-2:TH code, e.g. TH-52 for Lampang",
        "'{value}' ไม่ใช่รหัสจังหวัด ให้ใส่รหัสจังหวัดตามมาตรฐาน ISO 3166-2:TH เช่น TH-52 คือจังหวัดลำปาง",
    ),
    # --- assessment content ---------------------------------------------------
    "level.invalid": (
        "the level must be a whole number from 1 to 5, or n/a (not applicable) with a reason; got '{value}'",
        "ระดับต้องเป็นจำนวนเต็ม 1 ถึง 5 หรือ n/a (ไม่เกี่ยวข้อง) พร้อมเหตุผล แต่พบ '{value}'",
    ),
    "level.range": (
        "level {value} is out of range; use a whole number from 1 to 5, or n/a with a reason",
        "ระดับ {value} อยู่นอกช่วง กรุณาใช้จำนวนเต็ม 1 ถึง 5 หรือ n/a พร้อมเหตุผล",
    ),
    "level.missing": (
        "no level yet; give a level from 1 to 5, or n/a with a reason",
        "ยังไม่ได้ให้ระดับ กรุณาระบุระดับ 1 ถึง 5 หรือ n/a พร้อมเหตุผล",
    ),
    "validate.partial_hint": (
        "while a file is still being filled in, check it with `ogmp validate --partial`",
        "ระหว่างที่ยังกรอกไม่ครบ ตรวจด้วยคำสั่ง `ogmp validate --partial` ได้",
    ),
    "level.na_needs_reason": (
        "a level of n/a needs a reason: add 'reason:' saying why this indicator does not apply",
        "เมื่อระบุระดับเป็น n/a ต้องมีเหตุผล กรุณาเพิ่ม 'reason:' อธิบายว่าทำไมตัวชี้วัดนี้ไม่เกี่ยวข้อง",
    ),
    "level.reason_without_na": (
        "'reason' is only for a level of n/a; put this text under 'note' instead",
        "'reason' ใช้เฉพาะเมื่อระดับเป็น n/a กรุณาย้ายข้อความนี้ไปไว้ที่ 'note'",
    ),
    "target.range": (
        "target {value} is out of range; use a whole number from 1 to 5",
        "ระดับเป้าหมาย {value} อยู่นอกช่วง กรุณาใช้จำนวนเต็ม 1 ถึง 5",
    ),
    "evidence.one_source": (
        "each evidence item needs exactly one of 'url' or 'file'",
        "หลักฐานแต่ละรายการต้องระบุ 'url' หรือ 'file' อย่างใดอย่างหนึ่งเท่านั้น",
    ),
    "evidence.url": (
        "'{value}' is not a web address; write it in full, starting with https:// or http://",
        "'{value}' ไม่ใช่ที่อยู่เว็บ กรุณาเขียนให้ครบ โดยขึ้นต้นด้วย https:// หรือ http://",
    ),
    "evidence.file": (
        "'{value}' is not a usable file reference; write a path relative to the assessment"
        " folder, without '..', a drive letter or a leading '/'",
        "'{value}' ใช้อ้างอิงไฟล์ไม่ได้ กรุณาเขียนตำแหน่งไฟล์โดยนับจากโฟลเดอร์ของแบบประเมิน"
        " โดยไม่มี '..' ชื่อไดรฟ์ หรือ '/' นำหน้า",
    ),
    "evidence.url_too_long": (
        "the web address is {length} characters long and the limit is {limit}; give the address"
        " of the page itself, without the tracking part after '?'",
        "ที่อยู่เว็บยาว {length} ตัวอักษร เกินขีดจำกัด {limit} ตัวอักษร กรุณาใช้ที่อยู่ของหน้าเว็บนั้นโดยตรง"
        " โดยตัดส่วนติดตามหลังเครื่องหมาย '?' ออก",
    ),
    "evidence.file_link": (
        "'{value}' is a link ({scheme}:), not a file; give a file as a path such as"
        " evidence/minutes.pdf, and a web page under 'url:' as https://...",
        "'{value}' เป็นลิงก์ ({scheme}:) ไม่ใช่ไฟล์ กรุณาระบุไฟล์เป็นตำแหน่งไฟล์ เช่น evidence/minutes.pdf"
        " ส่วนหน้าเว็บให้ระบุใน 'url:' โดยขึ้นต้นด้วย https://",
    ),
    "evidence.file_not_found": (
        "the evidence file {value} is not in {folder}; check its name, or put the file there"
        " before the assessment is sent",
        "ไม่พบไฟล์หลักฐาน {value} ใน {folder} กรุณาตรวจสอบชื่อไฟล์ หรือนำไฟล์มาไว้ในโฟลเดอร์นี้ก่อนส่งแบบประเมิน",
    ),
    "assessment.nothing_scored": (
        "every indicator is marked n/a, so nothing can be scored; give a level from 1 to 5 to"
        " each indicator that applies to the unit (if none does, check the agenda and the rubric)",
        "ทุกตัวชี้วัดระบุเป็น n/a จึงคำนวณผลการประเมินไม่ได้ กรุณาให้ระดับ 1 ถึง 5 แก่ตัวชี้วัด"
        "ที่เกี่ยวข้องกับหน่วยรับการประเมิน (หากไม่มีตัวชี้วัดใดเกี่ยวข้อง กรุณาตรวจสอบวาระและเกณฑ์ที่ใช้)",
    ),
    "round.range": (
        "the round is the fiscal year in the Buddhist Era (e.g. 2564); got {value}",
        "รอบการประเมินต้องเป็นปีงบประมาณแบบพุทธศักราช (เช่น 2564) แต่พบ {value}",
    ),
    "round.looks_ce": (
        "the round is the fiscal year in the Buddhist Era: {value} looks like a C.E. year,"
        " did you mean {suggestion}?",
        "รอบการประเมินต้องเป็นปีงบประมาณแบบพุทธศักราช ค่า {value} ดูเหมือนเป็นปี ค.ศ. หมายถึง {suggestion} หรือไม่",
    ),
    "catalogue.published": (
        "'{value}' is not a publication date; write YYYY-MM-DD, YYYY-MM or YYYY in C.E.",
        "'{value}' ไม่ใช่วันที่เผยแพร่ กรุณาเขียนเป็น ปปปป-ดด-วว ปปปป-ดด หรือ ปปปป แบบ ค.ศ.",
    ),
    "date.range": (
        "the date {value} is not plausible; write it as YYYY-MM-DD in C.E. or B.E.",
        "วันที่ {value} ไม่น่าจะถูกต้อง กรุณาเขียนเป็น ปปปป-ดด-วว แบบ พ.ศ. หรือ ค.ศ.",
    ),
    "date.future": (
        "the assessment date {value} ({date}) is in the future; check the year",
        "วันที่ประเมิน {value} ({date}) เป็นวันในอนาคต กรุณาตรวจสอบปี",
    ),
    "assessors.missing": (
        "no assessor is named; list at least one person under 'assessors'",
        "ยังไม่ได้ระบุผู้ประเมิน กรุณาใส่ชื่อผู้ประเมินอย่างน้อยหนึ่งคนใน 'assessors'",
    ),
    "date.missing": (
        "the assessment date is missing; add 'date:' as YYYY-MM-DD",
        "ยังไม่ได้ระบุวันที่ประเมิน กรุณาใส่ 'date:' ในรูปแบบ ปปปป-ดด-วว",
    ),
    "rubric.not_found": (
        "there is no rubric '{rubric_id}'; available rubrics: {available}",
        "ไม่พบเกณฑ์การประเมิน '{rubric_id}' เกณฑ์ที่มีอยู่คือ {available}",
    ),
    "rubric.version_not_found": (
        "rubric '{rubric_id}' has no version {version}; available versions: {available}",
        "เกณฑ์ '{rubric_id}' ไม่มีฉบับที่ {version} ฉบับที่มีอยู่คือ {available}",
    ),
    "rubric.unusable": (
        "rubric '{rubric_id}' version {version} has errors ({path}); run `ogmp rubric check`",
        "เกณฑ์ '{rubric_id}' ฉบับที่ {version} มีข้อผิดพลาด ({path}) กรุณาตรวจด้วยคำสั่ง `ogmp rubric check`",
    ),
    "agenda.unknown": (
        "unknown agenda '{value}'{hint}; known agendas: {available}",
        "ไม่รู้จักวาระ '{value}'{hint} วาระที่มีอยู่คือ {available}",
    ),
    "unit.province_unknown": (
        "'{value}' is not a Thai province code (ISO 3166-2:TH, e.g. TH-52 for Lampang)",
        "'{value}' ไม่ใช่รหัสจังหวัดตามมาตรฐาน ISO 3166-2:TH (เช่น TH-52 คือจังหวัดลำปาง)",
    ),
    "unit.province_name": (
        "the code {code} is {expected}, but the name says '{value}'; check the code or the name",
        "รหัส {code} คือ{expected} แต่ชื่อที่ระบุคือ '{value}' กรุณาตรวจสอบรหัสหรือชื่อ",
    ),
    "unit.local_only": (
        "{field} is for local administrations only; remove it, or write kind: local",
        "{field} ใช้กับองค์กรปกครองส่วนท้องถิ่นเท่านั้น ให้ลบบรรทัดนี้ หรือแก้เป็น kind: local",
    ),
    "unit.local_type_missing": (
        "a local administration needs local_type, so that it is compared only with its own type:"
        " pao, city_municipality, town_municipality, subdistrict_municipality, sao or special",
        "องค์กรปกครองส่วนท้องถิ่นต้องระบุ local_type เพื่อให้เปรียบเทียบเฉพาะกับ อปท. ประเภทเดียวกัน"
        " ได้แก่ pao (อบจ.) city_municipality (เทศบาลนคร) town_municipality (เทศบาลเมือง)"
        " subdistrict_municipality (เทศบาลตำบล) sao (อบต.) หรือ special (รูปแบบพิเศษ)",
    ),
    "unit.parent_missing": (
        "a local administration needs parent: the ISO 3166-2:TH code of its province, e.g. parent: TH-52",
        "องค์กรปกครองส่วนท้องถิ่นต้องระบุ parent คือรหัสจังหวัดที่ตั้ง (ISO 3166-2:TH) เช่น parent: TH-52",
    ),
    "unit.parent_unknown": (
        "'{value}' is not a Thai province code (ISO 3166-2:TH, e.g. TH-52 for Lampang)",
        "'{value}' ไม่ใช่รหัสจังหวัดตามมาตรฐาน ISO 3166-2:TH (เช่น TH-52 คือจังหวัดลำปาง)",
    ),
    "unit.province_kind": (
        "a province code ({value}) needs kind: province",
        "รหัสจังหวัด ({value}) ต้องใช้คู่กับ kind: province",
    ),
    "component.unknown": (
        "rubric {rubric} has no component '{value}'{hint}",
        "เกณฑ์ {rubric} ไม่มีองค์ประกอบ '{value}'{hint}",
    ),
    "component.missing": (
        "component '{value}' ({name}) is missing; add it with all its indicators",
        "ขาดองค์ประกอบ '{value}' ({name}) กรุณาเพิ่มพร้อมตัวชี้วัดทั้งหมด",
    ),
    "indicator.unknown": (
        "component '{component}' of rubric {rubric} has no indicator '{value}'{hint}",
        "องค์ประกอบ '{component}' ของเกณฑ์ {rubric} ไม่มีตัวชี้วัด '{value}'{hint}",
    ),
    "indicator.missing": (
        "indicator '{value}' ({code}) is missing; add it with a level, or n/a and a reason",
        "ขาดตัวชี้วัด '{value}' ({code}) กรุณาเพิ่มพร้อมระบุระดับ หรือ n/a พร้อมเหตุผล",
    ),
    "assessment.duplicate": (
        "another file assesses the same unit, agenda and round: {other}",
        "มีไฟล์อื่นประเมินหน่วยงาน วาระ และรอบเดียวกันแล้ว: {other}",
    ),
    # --- reviews and decisions -----------------------------------------------
    "links.unreadable": (
        "{path} is not a file ogmp evidence check wrote; its checked links are not used (run"
        " 'ogmp evidence check' again)",
        "{path} ไม่ใช่ไฟล์ที่ ogmp evidence check เขียนไว้ จึงไม่ใช้ผลการตรวจลิงก์ในไฟล์นี้"
        " (กรุณาสั่ง 'ogmp evidence check' ใหม่)",
    ),
    "review.digest": (
        "'{value}' is not a value ogmp wrote; leave this field as 'ogmp review init' wrote it",
        "'{value}' ไม่ใช่ค่าที่ ogmp เขียนไว้ กรุณาคงค่าในช่องนี้ไว้ตามที่ 'ogmp review init' เขียนให้",
    ),
    "review.reviewer_is_assessor": (
        "{name} is one of the assessors of this assessment; a review must be by someone who did"
        " not assess it",
        "{name} เป็นผู้ประเมินของแบบประเมินนี้ ผู้ทบทวนต้องเป็นผู้ที่ไม่ได้ร่วมประเมิน",
    ),
    "review.reason_required": (
        "this level differs from the unit's; add 'reason:' saying why",
        "ระดับนี้ต่างจากระดับที่หน่วยรับการประเมินให้ไว้ กรุณาเพิ่ม 'reason:' อธิบายเหตุผล",
    ),
    "reply.reason_required": (
        "the unit does not agree; add 'reason:' to the reply saying why",
        "หน่วยรับการประเมินไม่เห็นด้วย กรุณาเพิ่ม 'reason:' ในคำชี้แจงเพื่ออธิบายเหตุผล",
    ),
    "review.stale": (
        "the unit's answer to '{value}' changed after this review; its reviewed level is not used"
        " until it is reviewed again",
        "คำตอบของหน่วยรับการประเมินในตัวชี้วัด '{value}' เปลี่ยนไปหลังการทบทวน จึงยังไม่ใช้ระดับที่ทบทวนไว้จนกว่าจะทบทวนใหม่",
    ),
    "review.assessment_changed": (
        "the assessment changed after this review; only the indicators whose answers changed lose"
        " their review",
        "แบบประเมินมีการแก้ไขหลังการทบทวน ตัวชี้วัดที่คำตอบเปลี่ยนไปเท่านั้นที่ไม่ใช้ผลการทบทวน",
    ),
    "decision.assessment_changed": (
        "the assessment changed after this decision; a decision stands only for indicators whose"
        " answers did not change",
        "แบบประเมินมีการแก้ไขหลังการวินิจฉัย คำวินิจฉัยมีผลเฉพาะตัวชี้วัดที่คำตอบไม่เปลี่ยน",
    ),
    "review.other_file": (
        "this file is about '{value}', not '{expected}'; keep a review beside the assessment it"
        " reviews, named after it",
        "ไฟล์นี้ทบทวน '{value}' ไม่ใช่ '{expected}' กรุณาเก็บไฟล์การทบทวนไว้คู่กับแบบประเมินที่ทบทวน และตั้งชื่อตามแบบประเมินนั้น",
    ),
    "review.wrong_component": (
        "indicator '{value}' belongs to component '{component}'; move it there",
        "ตัวชี้วัด '{value}' อยู่ในองค์ประกอบ '{component}' กรุณาย้ายไปไว้ใต้องค์ประกอบนั้น",
    ),
    "review.unknown_indicator": (
        "the assessment has no indicator '{value}'{hint}",
        "แบบประเมินไม่มีตัวชี้วัด '{value}'{hint}",
    ),
    "decision.undisputed": (
        "indicator '{value}' is not in dispute: no reviewer differs from the unit, or the unit"
        " agreed; decide only disputed indicators",
        "ตัวชี้วัด '{value}' ไม่มีข้อโต้แย้ง (ผู้ทบทวนไม่ได้ให้ระดับต่างจากหน่วยรับการประเมิน"
        " หรือหน่วยรับการประเมินเห็นด้วยแล้ว) กรุณาวินิจฉัยเฉพาะตัวชี้วัดที่มีข้อโต้แย้ง",
    ),
    "decision.stale": (
        "the unit's answer to '{value}' changed after its review; this decision no longer applies",
        "คำตอบของหน่วยรับการประเมินในตัวชี้วัด '{value}' เปลี่ยนไปหลังการทบทวน คำวินิจฉัยนี้จึงไม่มีผล",
    ),
    "plan.other_file": (
        "this plan is for '{value}', not '{expected}'; keep a plan beside the assessment it was"
        " made from, named after it",
        "แผนนี้จัดทำจาก '{value}' ไม่ใช่ '{expected}' กรุณาเก็บไฟล์แผนไว้คู่กับแบบประเมินที่ใช้จัดทำแผน และตั้งชื่อตามแบบประเมินนั้น",
    ),
    "plan.other_unit": (
        "'{value}' does not match the assessment {file}, which gives '{expected}'; a plan is for the"
        " unit, agenda and round of the assessment beside it",
        "'{value}' ไม่ตรงกับแบบประเมิน {file} ซึ่งระบุ '{expected}' แผนต้องเป็นของหน่วยรับการประเมิน"
        " วาระ และรอบเดียวกับแบบประเมินที่อยู่คู่กัน",
    ),
    "plan.unknown_indicator": (
        "rubric {rubric} has no indicator '{value}'{hint}",
        "เกณฑ์ {rubric} ไม่มีตัวชี้วัด '{value}'{hint}",
    ),
    "plan.unknown_recommendation": (
        "rubric {rubric} has no recommendation '{value}'; leave the id 'ogmp plan init' wrote, or"
        " remove the line",
        "เกณฑ์ {rubric} ไม่มีข้อเสนอ '{value}' กรุณาคงรหัสไว้ตามที่ 'ogmp plan init' เขียนให้ หรือลบบรรทัดนี้",
    ),
    "plan.due_before_start": (
        "the due date is before the start ({start}); give a due date on or after the start",
        "วันแล้วเสร็จอยู่ก่อนวันเริ่ม ({start}) กรุณาระบุวันแล้วเสร็จตั้งแต่วันเริ่มเป็นต้นไป",
    ),
    "plan.progress_future": (
        "this entry is dated after today ({today}); record progress once it has happened",
        "รายการนี้ลงวันที่หลังวันนี้ ({today}) กรุณาบันทึกความก้าวหน้าเมื่อดำเนินการแล้ว",
    ),
    "plan.unknown_kpi": (
        "the action has no KPI '{value}' (its KPIs: {known}){hint}",
        "กิจกรรมนี้ไม่มีตัวชี้วัด '{value}' (ตัวชี้วัดของกิจกรรม: {known}){hint}",
    ),
    "plan.baseline_date": (
        "the baseline has no date; add 'date:' saying when it was measured, YYYY-MM-DD",
        "ค่าฐานยังไม่มีวันที่ กรุณาเพิ่ม 'date:' ระบุวันที่วัดค่าฐาน ปปปป-ดด-วว",
    ),
    "plan.target_before_baseline": (
        "the target date is not after the baseline's ({baseline}); give a later date",
        "วันที่ของค่าเป้าหมายไม่อยู่หลังวันที่ของค่าฐาน ({baseline}) กรุณาระบุวันที่ที่อยู่หลังจากนั้น",
    ),
    "plan.target_not_higher": (
        "higher is better for this KPI, but the target {target} is not above the baseline {baseline};"
        " raise the target, or write 'direction: lower'",
        "ตัวชี้วัดนี้ยิ่งมากยิ่งดี แต่ค่าเป้าหมาย {target} ไม่สูงกว่าค่าฐาน {baseline}"
        " กรุณาปรับค่าเป้าหมาย หรือระบุ 'direction: lower'",
    ),
    "plan.target_not_lower": (
        "lower is better for this KPI, but the target {target} is not below the baseline {baseline};"
        " lower the target, or write 'direction: higher'",
        "ตัวชี้วัดนี้ยิ่งน้อยยิ่งดี แต่ค่าเป้าหมาย {target} ไม่ต่ำกว่าค่าฐาน {baseline}"
        " กรุณาปรับค่าเป้าหมาย หรือระบุ 'direction: higher'",
    ),
    "plan.progress_after_report": (
        "this entry is dated after the report of {report} ({date}); that report's follow-up does not count it",
        "รายการนี้ลงวันที่หลังรายงานของ {report} ({date}) การติดตามผลในรายงานนั้นจึงไม่นับรายการนี้",
    ),
    "companion.orphan": (
        "there is no assessment {expected} beside this file; name it after the assessment it goes with",
        "ไม่พบแบบประเมิน {expected} ในโฟลเดอร์เดียวกับไฟล์นี้ กรุณาตั้งชื่อไฟล์ตามแบบประเมินที่ไฟล์นี้เกี่ยวข้อง",
    ),
    # --- rubric content checks -----------------------------------------------
    "rubric.duplicate_id": (
        "the id '{value}' is used more than once (first on line {first_line}); ids must be unique",
        "รหัส '{value}' ถูกใช้ซ้ำ (ใช้ครั้งแรกที่บรรทัด {first_line}) รหัสต้องไม่ซ้ำกัน",
    ),
    "rubric.levels_incomplete": (
        "levels must describe exactly 1, 2, 3, 4 and 5; missing: {missing}",
        "ต้องมีคำอธิบายระดับครบทั้ง 1 2 3 4 และ 5 ที่ยังขาดคือ {missing}",
    ),
    "rubric.levels_extra": (
        "level {value} does not exist; levels run from 1 to 5",
        "ไม่มีระดับ {value} ระดับมีตั้งแต่ 1 ถึง 5",
    ),
    "rubric.unknown_ref": (
        "'{value}' is not a known {kind}{hint}; known: {available}",
        "ไม่รู้จัก{kind} '{value}'{hint} ที่มีอยู่คือ {available}",
    ),
    "rubric.kind.principle": ("principle", "หลักการ"),
    "rubric.kind.driver": ("driver level", "ระดับการขับเคลื่อน"),
    "rubric.kind.stage": ("participation stage", "ขั้นตอนการมีส่วนร่วม"),
    "rubric.kind.practice": ("best practice", "ตัวอย่างความสำเร็จ"),
    "rubric.kind.index": ("index dimension", "มิติของดัชนี"),
    "rubric.kind.agenda": ("agenda", "วาระ"),
    "rubric.kind.indicator": ("indicator of this component", "ตัวชี้วัดขององค์ประกอบนี้"),
    "rubric.kind.source": ("source", "แหล่งที่มา"),
    "catalogue.same_publication": (
        "two editions of this index share a publication date (the other on line {first_line});"
        " correct the date of one",
        "มีสองฉบับของดัชนีนี้ที่ระบุวันที่เผยแพร่เดียวกัน (อีกฉบับอยู่ที่บรรทัด {first_line}) กรุณาแก้ไขวันที่ของฉบับใดฉบับหนึ่ง",
    ),
    "catalogue.before_first": (
        "this edition is dated before the first edition of '{value}' ('first_published'); correct"
        " one of the two dates",
        "ฉบับนี้ระบุวันที่เผยแพร่ก่อนฉบับแรกของ '{value}' ('first_published') กรุณาแก้ไขวันที่ใดวันที่หนึ่ง",
    ),
    "rubric.recommendation_lifts_nothing": (
        "a recommendation needs 'indicators:', the indicators of its component that it lifts from"
        " its 'from' level, so that it is shown only to units whose indicators are still there",
        "ข้อเสนอต้องระบุ 'indicators:' คือตัวชี้วัดขององค์ประกอบนี้ที่ข้อเสนอช่วยยกระดับจากระดับ 'from'"
        " เพื่อให้แสดงเฉพาะกับหน่วยรับการประเมินที่ตัวชี้วัดนั้นยังอยู่ในระดับดังกล่าว",
    ),
    "rubric.untagged_agenda": (
        "the text names '{word}', which belongs to the agenda {agenda}; add {agenda} to 'agendas:',"
        " or word the step for every agenda",
        "ข้อความกล่าวถึง '{word}' ซึ่งเป็นเรื่องเฉพาะของวาระ {agenda} กรุณาเพิ่ม {agenda} ใน 'agendas:'"
        " หรือปรับถ้อยคำให้ใช้ได้กับทุกวาระ",
    ),
    "rubric.untagged_kind": (
        "the text names '{word}', an office only a {kind} unit has; add {kind} to 'kinds:', or name"
        " the actor neutrally (e.g. the head of the assessed unit)",
        "ข้อความกล่าวถึง '{word}' ซึ่งมีเฉพาะในหน่วยรับการประเมินประเภท {kind} กรุณาเพิ่ม {kind} ใน"
        " 'kinds:' หรือใช้คำกลาง เช่น หัวหน้าหน่วยรับการประเมิน",
    ),
    "rubric.unlabelled_example": (
        "the text names '{word}', an example of one agenda, in a text for every agenda; mark the"
        " example with '{label}' in both languages, e.g. '(วาระ PM2.5 เช่น ...)'",
        "ข้อความที่ใช้กับทุกวาระกล่าวถึง '{word}' ซึ่งเป็นตัวอย่างของวาระเดียว กรุณาระบุว่าเป็นตัวอย่างด้วย"
        " '{label}' ทั้งสองภาษา เช่น '(วาระ PM2.5 เช่น ...)'",
    ),
    "rubric.indicator_count": (
        "component '{value}' has {count} indicators; a component needs 3 to 5",
        "องค์ประกอบ '{value}' มีตัวชี้วัด {count} ตัว แต่ละองค์ประกอบต้องมี 3 ถึง 5 ตัว",
    ),
    "rubric.weight_share": (
        "component '{value}' carries {share}% of the total weight; no component should carry"
        " more than {limit}%",
        "องค์ประกอบ '{value}' มีน้ำหนัก {share}% ของน้ำหนักรวม ไม่ควรมีองค์ประกอบใดมีน้ำหนักเกิน {limit}%",
    ),
    "rubric.recommendation_gap": (
        "component '{value}' has no recommendation for lifting from level {level}",
        "องค์ประกอบ '{value}' ยังไม่มีข้อเสนอสำหรับยกระดับจากระดับ {level}",
    ),
    "rubric.recommendation_from": (
        "'from' is the current level a recommendation lifts from: 1 to 4, got {value}",
        "'from' คือระดับปัจจุบันที่ข้อเสนอนี้ช่วยยกระดับขึ้น ต้องเป็น 1 ถึง 4 แต่พบ {value}",
    ),
    "rubric.participation_stage": (
        "indicator '{value}' serves participation but names no participation stage; add 'stage:'",
        "ตัวชี้วัด '{value}' เกี่ยวกับการมีส่วนร่วมแต่ยังไม่ระบุขั้นตอนการมีส่วนร่วม กรุณาเพิ่ม 'stage:'",
    ),
    "rubric.duplicate_version": (
        "rubric '{rubric_id}' version {version} is defined twice: {first} and {second}",
        "เกณฑ์ '{rubric_id}' ฉบับที่ {version} ถูกกำหนดซ้ำสองไฟล์: {first} และ {second}",
    ),
    # --- commands -------------------------------------------------------------
    "validate.no_files": (
        "no .yaml files found in {path}",
        "ไม่พบไฟล์ .yaml ใน {path}",
    ),
    "validate.ok": (
        "{file}: valid ({scored} of {total} indicators scored)",
        "{file}: ถูกต้อง (ให้ระดับแล้ว {scored} จาก {total} ตัวชี้วัด)",
    ),
    "validate.partial": (
        "{file}: valid so far, {scored} of {total} indicators scored",
        "{file}: ถูกต้องเท่าที่กรอก ให้ระดับแล้ว {scored} จาก {total} ตัวชี้วัด",
    ),
    "validate.summary_ok": (
        "{files} file(s) checked, all valid",
        "ตรวจ {files} ไฟล์ ถูกต้องทั้งหมด",
    ),
    "validate.summary_bad": (
        "{files} file(s) checked: {bad} with errors ({errors} error(s) in all)",
        "ตรวจ {files} ไฟล์ มีข้อผิดพลาด {bad} ไฟล์ (รวม {errors} รายการ)",
    ),
    "init.written": (
        "wrote {path}: {indicators} indicators in {components} components to fill in;"
        " check it with `ogmp validate --partial {path}`",
        "สร้างไฟล์ {path} แล้ว มีตัวชี้วัด {indicators} ตัวใน {components} องค์ประกอบให้กรอก"
        " ตรวจสอบระหว่างกรอกได้ด้วย `ogmp validate --partial {path}`",
    ),
    "init.schema_written": (
        "wrote {path} so that VS Code (YAML extension) completes and checks keys as you type",
        "สร้างไฟล์ {path} เพื่อให้ VS Code (ส่วนขยาย YAML) ช่วยเติมและตรวจคีย์ระหว่างพิมพ์",
    ),
    "output.exists": (
        "{path} already exists; ogmp never overwrites it, choose another name with --out",
        "มีไฟล์ {path} อยู่แล้ว ogmp จะไม่เขียนทับไฟล์เดิม กรุณาตั้งชื่อใหม่ด้วย --out",
    ),
    "companion.exists": (
        "{path} already exists; ogmp never overwrites it: edit that file, or move it away to write a new one",
        "มีไฟล์ {path} อยู่แล้ว ogmp จะไม่เขียนทับไฟล์เดิม กรุณาแก้ไขไฟล์นั้น หรือย้ายออกก่อนหากต้องการเขียนไฟล์ใหม่",
    ),
    "init.unit_unknown": (
        "'{value}' is not a province code; for an agency or local administration give"
        " --kind agency|local and --name",
        "'{value}' ไม่ใช่รหัสจังหวัด หากเป็นส่วนราชการหรือองค์กรปกครองส่วนท้องถิ่น กรุณาระบุ --kind agency|local และ --name",
    ),
    "init.name_required": (
        "give the unit's Thai name with --name (and --name-en for the English one)",
        "กรุณาระบุชื่อหน่วยงานภาษาไทยด้วย --name (และชื่อภาษาอังกฤษด้วย --name-en)",
    ),
    "usage.report_date": (
        "--report-date takes a date as YYYY-MM-DD or 'today'; got '{value}'",
        "--report-date ต้องเป็นวันที่ในรูปแบบ ปปปป-ดด-วว หรือ today แต่พบ '{value}'",
    ),
    "assess.format": (
        "unknown format '{value}'; choose from {allowed}",
        "ไม่รู้จักรูปแบบ '{value}' เลือกได้จาก {allowed}",
    ),
    "assess.written": ("wrote {path}", "เขียนไฟล์ {path} แล้ว"),
    "assess.summary": (
        "{scored} assessment(s) scored, {invalid} file(s) not scored because of errors",
        "คำนวณผลแล้ว {scored} แบบประเมิน ข้ามไป {invalid} ไฟล์เพราะมีข้อผิดพลาด",
    ),
    "assess.summary_all": ("{scored} assessment(s) scored", "คำนวณผลแล้ว {scored} แบบประเมิน"),
    "assess.summaries_left_out": (
        "summaries are printed for rounds of up to {limit} units; {count} not printed"
        " (--summaries prints every one, --quiet none)",
        "แสดงสรุปรายหน่วยเมื่อมีไม่เกิน {limit} หน่วย ครั้งนี้ไม่ได้แสดง {count} หน่วย"
        " (ใช้ --summaries เพื่อแสดงทุกหน่วย หรือ --quiet เพื่อไม่แสดงเลย)",
    ),
    "labels.languages": (
        "labels.yaml holds a 'th' and an 'en' section (either may be left out) of 'key: text' entries",
        "labels.yaml ประกอบด้วยส่วน 'th' และ 'en' (ละส่วนใดส่วนหนึ่งได้) ที่เป็นรายการ 'คีย์: ข้อความ'",
    ),
    "labels.unpaired": (
        "the label '{key}' is in one language only, and the bundled labels do not have it;"
        " give it in both th and en",
        "ข้อความ '{key}' มีเพียงภาษาเดียวและไม่มีในข้อความมาตรฐานของ ogmp กรุณาใส่ให้ครบทั้ง th และ en",
    ),
    "problem.located": ("{where}: {message}", "{where}: {message}"),
    "template.syntax": (
        "the template cannot be compiled: {detail}",
        "แม่แบบรายงานมีข้อผิดพลาดทางไวยากรณ์ของ Jinja: {detail}",
    ),
    "template.missing": (
        "the template {name} is in none of the templates folders",
        "ไม่พบแม่แบบ {name} ในโฟลเดอร์แม่แบบใดเลย",
    ),
    "template.include_missing": (
        "the template includes {name}, which is in none of the templates folders",
        "แม่แบบนี้เรียกใช้ {name} ซึ่งไม่มีอยู่ในโฟลเดอร์แม่แบบใดเลย",
    ),
    "template.undefined": (
        "the template uses a name that the report does not have ({detail})",
        "แม่แบบเรียกใช้ชื่อที่ไม่มีในข้อมูลของรายงาน ({detail})",
    ),
    "template.failed": (
        "the template failed here ({detail})",
        "แม่แบบทำงานผิดพลาดที่ตำแหน่งนี้ ({detail})",
    ),
    "render.asset_missing": (
        "the report asset {url} was not found in the templates folders",
        "ไม่พบไฟล์ประกอบรายงาน {url} ในโฟลเดอร์แม่แบบ",
    ),
    "render.asset_refused": (
        "the report tried to load {url}, which is not one of ogmp's own assets; nothing was written",
        "รายงานพยายามโหลด {url} ซึ่งไม่ใช่ไฟล์ประกอบของ ogmp จึงไม่ได้เขียนไฟล์ใด",
    ),
    "input.changed": (
        "the file changed while ogmp was working with it; run the command again",
        "ไฟล์ถูกแก้ไขระหว่างที่ ogmp กำลังทำงาน กรุณาสั่งใหม่อีกครั้ง",
    ),
    "verify.not_pdf": (
        "this is not a PDF file",
        "ไฟล์นี้ไม่ใช่ไฟล์ PDF",
    ),
    "verify.damaged": (
        "the PDF is damaged and cannot be read; ask for the report again",
        "ไฟล์ PDF เสียหายจนอ่านไม่ได้ กรุณาขอรายงานฉบับใหม่",
    ),
    "verify.missing": (
        "the report carries no embedded {what}: it was not made by ogmp assess, or it was altered",
        "ไม่พบ{what}ที่แนบอยู่ในรายงาน แสดงว่ารายงานนี้ไม่ได้สร้างด้วย ogmp assess หรือถูกแก้ไขภายหลัง",
    ),
    "verify.what.assessment": ("assessment", "แบบประเมิน"),
    "verify.what.rubric": ("rubric", "เกณฑ์การประเมิน"),
    "verify.what.result": ("scored result", "ผลการคำนวณ"),
    "verify.what.catalogue": ("catalogue", "แคตตาล็อก"),
    "verify.hash": (
        "the embedded file {name} does not match the hash recorded in the report",
        "ไฟล์ {name} ที่แนบอยู่ไม่ตรงกับค่าแฮชที่บันทึกไว้ในรายงาน",
    ),
    "verify.figure": (
        "{what}: the report says {recorded}, its inputs give {computed}",
        "{what}: รายงานระบุ {recorded} แต่ข้อมูลนำเข้าให้ผล {computed}",
    ),
    "verify.only_in_report": (
        "{what}: the report has it, its inputs do not give it",
        "{what}: มีอยู่ในรายงาน แต่ข้อมูลนำเข้าไม่ได้ให้ผลนี้",
    ),
    "verify.only_in_inputs": (
        "{what}: its inputs give it, the report does not have it",
        "{what}: ข้อมูลนำเข้าให้ผลนี้ แต่ไม่มีอยู่ในรายงาน",
    ),
    "verify.text": (
        "the score {value} ({what}) is not in the report's text",
        "ไม่พบคะแนน {value} ({what}) ในข้อความของรายงาน",
    ),
    "verify.ok": (
        "{path}: matches its inputs ({assessment}, rubric {rubric}): rendered again from the inputs"
        " it carries, all {pages} pages are the same",
        "{path}: ตรงกับข้อมูลนำเข้า ({assessment} เกณฑ์ {rubric}) สร้างรายงานใหม่จากข้อมูลที่แนบอยู่แล้ว"
        " ทั้ง {pages} หน้าตรงกันทุกหน้า",
    ),
    "verify.ok_saved_again": (
        "{path}: matches its inputs ({assessment}, rubric {rubric}): rendered again from the inputs"
        " it carries, all {pages} pages are the same; the file itself was saved again by another program",
        "{path}: ตรงกับข้อมูลนำเข้า ({assessment} เกณฑ์ {rubric}) สร้างรายงานใหม่จากข้อมูลที่แนบอยู่แล้ว"
        " ทั้ง {pages} หน้าตรงกันทุกหน้า แต่ไฟล์ถูกบันทึกซ้ำด้วยโปรแกรมอื่น",
    ),
    "verify.ok_partial": (
        "{path}: its inputs ({assessment}, rubric {rubric}) give the figures it records, and its text"
        " shows the {figures} scores; its pages could not be rendered again ({why}), so a change to"
        " how a page looks would not be seen",
        "{path}: ข้อมูลนำเข้า ({assessment} เกณฑ์ {rubric}) ให้ผลตรงกับตัวเลขที่บันทึกไว้ และพบคะแนนทั้ง"
        " {figures} ค่าในข้อความของรายงาน แต่สร้างหน้ารายงานใหม่เพื่อเทียบไม่ได้ ({why})"
        " จึงตรวจไม่พบหากมีการแก้ไขสิ่งที่ปรากฏบนหน้ารายงาน",
    ),
    "verify.why.version": (
        "it was made by ogmp {made}, and this is ogmp {current}; verify it with ogmp {made}",
        "รายงานนี้สร้างด้วย ogmp {made} แต่โปรแกรมนี้คือ ogmp {current} กรุณาตรวจด้วย ogmp {made}",
    ),
    "verify.why.templates": (
        "it was made with other templates; give their folder with --templates",
        "รายงานนี้สร้างด้วยแม่แบบอื่น กรุณาระบุโฟลเดอร์แม่แบบนั้นด้วย --templates",
    ),
    "verify.why.unrecorded": (
        "ogmp {made} did not record how it rendered the report",
        "ogmp {made} ไม่ได้บันทึกวิธีการสร้างรายงานไว้",
    ),
    "verify.page": (
        "page {page} is not what its inputs give: something on it was changed",
        "หน้า {page} ไม่ตรงกับที่ข้อมูลนำเข้าให้ผล มีการแก้ไขบางอย่างบนหน้านี้",
    ),
    "verify.page_count": (
        "the report has {found} pages and its inputs give {expected}: a page was added or removed",
        "รายงานมี {found} หน้า แต่ข้อมูลนำเข้าให้ {expected} หน้า มีการเพิ่มหรือลบหน้า",
    ),
    "verify.bad": (
        "{path}: does NOT match its inputs ({count} difference(s))",
        "{path}: ไม่ตรงกับข้อมูลนำเข้า (พบความแตกต่าง {count} รายการ)",
    ),
    "assess.written_many": ("wrote {count} files", "เขียนไฟล์แล้ว {count} ไฟล์"),
    "assess.unchanged": (
        "{count} file(s) already up to date, left as they were (--rebuild renders them again)",
        "มี {count} ไฟล์ที่เป็นปัจจุบันอยู่แล้ว จึงไม่ได้สร้างใหม่ (ใช้ --rebuild เพื่อสร้างใหม่ทั้งหมด)",
    ),
    "assess.failed": (
        "{summary}; {count} file(s) could not be written",
        "{summary} และเขียนไฟล์ไม่สำเร็จ {count} ไฟล์",
    ),
    "run.interrupted": (
        "stopped: {written} file(s) written and whole, {left} not yet; the next run writes only what is missing",
        "หยุดการทำงานแล้ว เขียนไฟล์เสร็จสมบูรณ์ {written} ไฟล์ ยังไม่ได้เขียน {left} ไฟล์"
        " การสั่งครั้งถัดไปจะเขียนเฉพาะไฟล์ที่ยังขาด",
    ),
    "run.stopped": ("stopped", "หยุดการทำงานแล้ว"),
    "assess.failed_same": (" ({count} files failed this way)", " (เขียนไม่สำเร็จด้วยสาเหตุนี้ {count} ไฟล์)"),
    "assess.progress": ("Rendering", "กำลังสร้างรายงาน"),
    "batch.timeout": (
        "rendering {label} took longer than {seconds} seconds and was stopped (--timeout sets the limit)",
        "การสร้าง {label} ใช้เวลาเกิน {seconds} วินาทีจึงถูกหยุด (กำหนดเวลาได้ด้วย --timeout)",
    ),
    "batch.crashed": (
        "rendering {label} stopped its worker process (a crash in the PDF renderer); nothing was"
        " written for it. Run `ogmp assess` on that file alone with --jobs 1 and report the problem",
        "การสร้าง {label} ทำให้โปรแกรมสร้างรายงานหยุดทำงานกลางคัน จึงไม่ได้เขียนไฟล์นี้"
        " กรุณาสั่ง `ogmp assess` เฉพาะไฟล์นี้พร้อม --jobs 1 แล้วแจ้งปัญหาแก่ผู้ดูแลระบบ",
    ),
    "usage.choice": (
        "{option} takes one of {choices}; got '{value}'",
        "{option} ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้ {choices} แต่พบ '{value}'",
    ),
    "usage.problem": ("{problem}\nsee: {command} --help", "{problem}\nดูวิธีใช้: {command} --help"),
    "usage.did_you_mean": ("{problem}; did you mean {options}?", "{problem} หมายถึง {options} หรือไม่"),
    "usage.no_such_option": ("{command} has no option {option}", "{command} ไม่มีตัวเลือก {option}"),
    "usage.no_such_command": ("{command} has no command '{name}'", "{command} ไม่มีคำสั่ง '{name}'"),
    "usage.missing_argument": ("{command} needs {name}", "{command} ต้องระบุ {name}"),
    "usage.missing_option": ("{command} needs {option}", "{command} ต้องระบุ {option}"),
    "usage.needs_value": ("{option} needs a value after it", "ต้องระบุค่าต่อท้าย {option}"),
    "usage.takes_no_value": (
        "{option} is a switch and takes no value",
        "{option} เป็นตัวเลือกแบบเปิดปิด ไม่ต้องระบุค่า",
    ),
    "usage.extra_arguments": (
        "{command} does not take the extra {extra}; check that each option has its value",
        "{command} ไม่รับค่า {extra} ที่เกินมา ตรวจดูว่าตัวเลือกแต่ละตัวมีค่าต่อท้ายถูกต้อง",
    ),
    "usage.whole": (
        "{option} takes a whole number of at least {minimum}; got '{value}'",
        "{option} ต้องเป็นจำนวนเต็มตั้งแต่ {minimum} ขึ้นไป แต่พบ '{value}'",
    ),
    "usage.whole_range": (
        "{option} takes a whole number from {minimum} to {maximum}; got '{value}'",
        "{option} ต้องเป็นจำนวนเต็มตั้งแต่ {minimum} ถึง {maximum} แต่พบ '{value}'",
    ),
    "usage.seconds": (
        "{option} takes a number of seconds of at least {minimum}; got '{value}'",
        "{option} ต้องเป็นจำนวนวินาทีตั้งแต่ {minimum} ขึ้นไป แต่พบ '{value}'",
    ),
    "usage.shard": (
        "--shard takes K/N with 1 <= K <= N, e.g. 2/5; got '{value}'",
        "--shard ต้องอยู่ในรูป K/N โดย 1 <= K <= N เช่น 2/5 แต่พบ '{value}'",
    ),
    "output.failed": (
        "could not write {path} ({reason}); an earlier file of that name, if any, is left as it was",
        "เขียนไฟล์ {path} ไม่สำเร็จ ({reason}) ไฟล์ชื่อเดียวกันที่มีอยู่เดิม (ถ้ามี) ยังอยู่ครบไม่ถูกแก้ไข",
    ),
    "output.locked": (
        "{folder} has been locked for {seconds} seconds by another ogmp run (process {pid} on {host},"
        " user {user}, since {since}); wait for it to finish, or, if that run no longer exists,"
        " delete {lock} and run again",
        "โฟลเดอร์ {folder} ถูกล็อกโดย ogmp อีกชุดหนึ่งนานเกิน {seconds} วินาที (โพรเซส {pid} บนเครื่อง"
        " {host} ผู้ใช้ {user} ตั้งแต่ {since}) กรุณารอให้ชุดนั้นทำงานเสร็จ หรือหากชุดนั้นไม่ได้ทำงานอยู่แล้ว"
        " ให้ลบไฟล์ {lock} แล้วสั่งใหม่อีกครั้ง",
    ),
    "output.folder_failed": (
        "could not write into {folder} ({reason}); nothing in it was changed",
        "เขียนไฟล์ลงในโฟลเดอร์ {folder} ไม่ได้ ({reason}) ไม่มีไฟล์ใดในโฟลเดอร์นี้ถูกแก้ไข",
    ),
    "output.not_a_folder": (
        "could not write {path}: {folder} is a file, not a folder; give --out a folder",
        "เขียนไฟล์ {path} ไม่ได้ เพราะ {folder} เป็นไฟล์ ไม่ใช่โฟลเดอร์ กรุณาระบุโฟลเดอร์ด้วย --out",
    ),
    "rubric_check.ok": (
        "{path}: rubric {rubric_id} version {version} is valid ({components} components,"
        " {indicators} indicators, {recommendations} recommendations)",
        "{path}: เกณฑ์ {rubric_id} ฉบับที่ {version} ถูกต้อง ({components} องค์ประกอบ"
        " {indicators} ตัวชี้วัด {recommendations} ข้อเสนอ)",
    ),
    # --- ogmp rubric show and ogmp rubric list -------------------------------------
    "show.header": ("{id} version {version}: {name}", "{id} ฉบับที่ {version}: {name}"),
    "show.source": ("Source: {text}", "ที่มา: {text}"),
    "show.levels": ("Levels: {text}", "ระดับ: {text}"),
    "show.default_target": ("Default to-be target: level {level}", "ระดับเป้าหมายเริ่มต้น: ระดับ {level}"),
    "show.component": (
        "{number}. {name} [{id}], weight {weight}, target {target}",
        "{number}. {name} [{id}] น้ำหนัก {weight} เป้าหมาย {target}",
    ),
    "show.indicator": ("{code} {question} [{id}]", "{code} {question} [{id}]"),
    "show.tags": (
        "principles: {principles}{stage}; weight {weight}{indices}",
        "หลักการ: {principles}{stage} น้ำหนัก {weight}{indices}",
    ),
    "show.stage": ("; participation stage: {name}", " ขั้นตอนการมีส่วนร่วม: {name}"),
    "show.indices": ("; indices: {refs}", " ดัชนี: {refs}"),
    "show.recommendations": ("To-be recommendations:", "ข้อเสนอเพื่อยกระดับ (To-be):"),
    "show.recommendation": ("from level {level}, {driver}: {text}", "จากระดับ {level} {driver}: {text}"),
    "show.practice": (" (see: {name})", " (ตัวอย่าง: {name})"),
    "show.agendas": (" [only for: {ids}]", " [เฉพาะวาระ: {ids}]"),
    "rubrics.line": (
        "{id}  v{version}  {components} components, {indicators} indicators  {name}  ({path})",
        "{id}  ฉบับที่ {version}  {components} องค์ประกอบ {indicators} ตัวชี้วัด  {name}  ({path})",
    ),
    "rubrics.broken": (
        "{path}: has errors; run `ogmp rubric check {path}`",
        "{path}: มีข้อผิดพลาด ตรวจด้วยคำสั่ง `ogmp rubric check {path}`",
    ),
    # --- the summary of a scored unit in the terminal -----------------------------
    "summary.heading": (
        "{unit} ({code}) | {agenda} | fiscal year {round} | {rubric} v{version}",
        "{unit} ({code}) | {agenda} | ปีงบประมาณ {round} | {rubric} ฉบับที่ {version}",
    ),
    "summary.overall": (
        "OG&MP index {score} of 100: mean level {mean} (level {level}, {level_name}); target {target}, gap {gap}",
        "ดัชนี OG&MP {score} จาก 100: ระดับเฉลี่ย {mean} (ระดับ {level} {level_name}) เป้าหมาย {target} ช่องว่าง {gap}",
    ),
    "summary.reviewed": (
        "Self-assessed {self_score}, after review {score}: {assurance} ({reviewers})",
        "ตามการประเมินตนเอง {self_score} หลังการทบทวน {score}: {assurance} ({reviewers})",
    ),
    "assurance.self_assessed": ("self-assessed, not reviewed", "ประเมินตนเอง ยังไม่ได้ทบทวน"),
    "assurance.links_checked": ("evidence links checked, not reviewed", "ตรวจลิงก์หลักฐานแล้ว ยังไม่ได้ทบทวน"),
    "assurance.reviewed": ("reviewed by one independent reviewer", "ทบทวนโดยผู้ทบทวนอิสระ 1 คน"),
    "assurance.reviewed_by_two": (
        "reviewed by two or more independent reviewers",
        "ทบทวนโดยผู้ทบทวนอิสระตั้งแต่ 2 คนขึ้นไป",
    ),
    "assurance.decided": (
        "reviewed, disputes decided by the secretariat",
        "ทบทวนแล้ว และฝ่ายเลขานุการวินิจฉัยข้อโต้แย้งแล้ว",
    ),
    "summary.col.component": ("Component", "องค์ประกอบ"),
    "summary.col.score": ("Score", "คะแนน"),
    "summary.col.level": ("As-is", "ระดับ"),
    "summary.col.target": ("To-be", "เป้าหมาย"),
    "summary.col.gap": ("Gap", "ช่องว่าง"),
    "summary.col.evidence": ("Evidence", "หลักฐาน"),
    "summary.na": ("n/a", "ไม่เกี่ยวข้อง"),
    "summary.confidence.high": ("high", "สูง"),
    "summary.confidence.medium": ("medium", "ปานกลาง"),
    "summary.confidence.low": ("low", "ต่ำ"),
    "summary.confidence.none": ("none", "ไม่มี"),
    "summary.top": ("Gaps to close first: {items}", "องค์ประกอบที่ควรเร่งลดช่องว่างก่อน: {items}"),
    "summary.top.none": ("No gaps: every component meets its target.", "ไม่มีช่องว่าง ทุกองค์ประกอบถึงเป้าหมายแล้ว"),
    "summary.unsupported": (
        "Levels 4-5 claimed without evidence, indicators {items}",
        "ให้ระดับ 4-5 โดยไม่มีหลักฐาน: ตัวชี้วัด {items}",
    ),
    "summary.comparison": (
        "Since fiscal year {previous}: index {before} -> {after} ({change})",
        "เทียบกับปีงบประมาณ {previous}: ดัชนี {before} -> {after} ({change})",
    ),
    "summary.plan": (
        "Action plan made from this round: {count} action(s)",
        "แผนปฏิบัติการที่จัดทำจากรอบนี้: {count} กิจกรรม",
    ),
    "summary.follow_up": (
        "Follow-up of the plan of fiscal year {round}: {count} action(s) ({counts}); {overdue} overdue;"
        " indicators rose for {rose} of the {completed} complete",
        "ติดตามแผนปฏิบัติการปีงบประมาณ {round}: {count} กิจกรรม ({counts}) เกินกำหนด {overdue} กิจกรรม"
        " ตัวชี้วัดมีระดับสูงขึ้นใน {rose} จาก {completed} กิจกรรมที่แล้วเสร็จ",
    ),
    "status.complete": ("complete", "แล้วเสร็จ"),
    "status.substantial": ("substantial", "คืบหน้ามาก"),
    "status.limited": ("limited", "คืบหน้าเล็กน้อย"),
    "status.not_started": ("not started", "ยังไม่เริ่มดำเนินการ"),
    "status.no_evidence": ("no evidence", "ไม่มีหลักฐาน"),
    # --- the scaffold that ogmp init writes ---------------------------------------
    "scaffold.title": (
        "Assessment of the Open Government and Meaningful Participation (OGMP) ecosystem",
        "แบบประเมินระบบนิเวศภาครัฐระบบเปิดและการมีส่วนร่วมอย่างมีความหมาย (OGMP)",
    ),
    "scaffold.rubric": ("Rubric: {name} ({id}, version {version})", "เกณฑ์: {name} ({id} ฉบับที่ {version})"),
    "scaffold.how": ("How to fill in this file", "วิธีกรอก"),
    "scaffold.how.level": (
        "Give every indicator a level from 1 to 5, using the level descriptions written above it:"
        " choose the highest level whose every condition, and every condition of each lower level,"
        " is met; a level met only in part does not count. If an indicator does not apply to your"
        " unit, write n/a and add 'reason:' saying why.",
        "ประเมินระดับ (level) ของทุกตัวชี้วัดเป็นเลข 1 ถึง 5 โดยเทียบกับคำอธิบายระดับที่เขียนไว้เหนือตัวชี้วัด"
        " ให้เลือกระดับสูงสุดที่ดำเนินการได้ครบทุกเงื่อนไขของระดับนั้นและของทุกระดับที่ต่ำกว่า"
        " ระดับที่ทำได้เพียงบางส่วนยังไม่นับ ถ้าตัวชี้วัดใดไม่เกี่ยวข้องกับหน่วยรับการประเมิน"
        " ให้ใส่ n/a และเพิ่ม 'reason:' อธิบายเหตุผล",
    ),
    "scaffold.how.evidence": (
        "Back each level with evidence: a link (url) or a file (file), and say whether the public can see it (public: true or false).",
        "แนบหลักฐาน (evidence) ประกอบระดับที่ประเมิน เป็นลิงก์ (url) หรือไฟล์ (file) และระบุว่าประชาชนเข้าถึงได้หรือไม่ (public: true หรือ false)",
    ),
    "scaffold.how.target": (
        "Set the to-be target of each component (target: 1-5); left empty, the rubric's default applies.",
        "กำหนดระดับเป้าหมาย (To-be) ของแต่ละองค์ประกอบ (target: 1-5) ถ้าเว้นว่างจะใช้ค่าเริ่มต้นของเกณฑ์",
    ),
    "plan.written": (
        "wrote {path}: {actions} action(s) from the report's recommendations; name the owners, dates"
        " and KPIs, then check it with 'ogmp validate'",
        "เขียนไฟล์ {path} แล้ว: {actions} กิจกรรมจากข้อเสนอในรายงาน กรุณาระบุผู้รับผิดชอบ วันที่"
        " และตัวชี้วัด แล้วตรวจด้วยคำสั่ง 'ogmp validate'",
    ),
    "plan.scaffold.title": (
        "Action plan of {unit}, made from the assessment of fiscal year {round}",
        "แผนปฏิบัติการของ{unit} จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. {round}",
    ),
    "plan.scaffold.how": (
        "Each action below comes from a recommendation of the report: keep, reword, remove or add"
        " actions; name the office responsible (owner), the start and due dates (YYYY-MM-DD, B.E. or"
        " C.E.) and, where there is one, the budget in baht.",
        "กิจกรรมด้านล่างมาจากข้อเสนอในรายงาน ปรับถ้อยคำ ลบ หรือเพิ่มกิจกรรมได้ ระบุหน่วยงานที่รับผิดชอบ"
        " (owner) วันเริ่มและวันแล้วเสร็จ (ปปปป-ดด-วว เป็น พ.ศ. หรือ ค.ศ. ก็ได้) และงบประมาณ (บาท) ถ้ามี",
    ),
    "plan.scaffold.how.kpi": (
        "Give each action one or more KPIs: which way is better (direction: higher or lower), a"
        " baseline with its date and source, and a target with its date.",
        "กำหนดตัวชี้วัดของแต่ละกิจกรรมอย่างน้อย 1 ตัว ระบุทิศทางที่ดีขึ้น (direction: higher หรือ lower)"
        " ค่าฐานพร้อมวันที่วัดและแหล่งที่มา และค่าเป้าหมายพร้อมวันที่",
    ),
    "plan.scaffold.how.progress": (
        "As the work goes on, add progress entries: the date, the status (no_evidence, not_started,"
        " limited, substantial or complete), the KPI values, evidence and a note.",
        "เมื่อดำเนินการ ให้เพิ่มรายการความก้าวหน้า (progress) ระบุวันที่ สถานะ (no_evidence, not_started,"
        " limited, substantial หรือ complete) ค่าตัวชี้วัด หลักฐาน และคำอธิบาย",
    ),
    "plan.scaffold.how.check": (
        "Check the plan with the assessment it was made from: ogmp validate {file}",
        "ตรวจแผนพร้อมแบบประเมินที่ใช้จัดทำแผนด้วยคำสั่ง: ogmp validate {file}",
    ),
    "plan.scaffold.date": ("the date the plan was adopted", "วันที่ให้ความเห็นชอบแผน"),
    "plan.scaffold.approved_by": ("who approved the plan", "ผู้ให้ความเห็นชอบแผน"),
    "plan.scaffold.from": (
        "From recommendation {id} ({driver}): {lifts}",
        "จากข้อเสนอ {id} ({driver}): {lifts}",
    ),
    "plan.scaffold.lifts": (
        "indicator {code} at level {level}, target {target}",
        "ตัวชี้วัด {code} ระดับ {level} เป้าหมาย {target}",
    ),
    "plan.scaffold.owner": ("the office responsible", "หน่วยงานที่รับผิดชอบ"),
    "plan.scaffold.partners": ("partners, e.g. [GISTDA, อบจ.]", "หน่วยงานร่วมดำเนินการ เช่น [สทอภ., อบจ.]"),
    "plan.scaffold.start": ("start, YYYY-MM-DD", "วันเริ่ม ปปปป-ดด-วว"),
    "plan.scaffold.due": ("due, YYYY-MM-DD", "วันแล้วเสร็จ ปปปป-ดด-วว"),
    "plan.scaffold.budget": ("budget in baht and its source", "งบประมาณ (บาท) และแหล่งงบประมาณ"),
    "plan.scaffold.kpis": ("the action's KPIs, e.g.:", "ตัวชี้วัดของกิจกรรม เช่น"),
    "plan.scaffold.progress": ("added as the work goes on", "เพิ่มเมื่อมีความก้าวหน้า"),
    "evidence.progress": ("Checking evidence links", "กำลังตรวจลิงก์หลักฐาน"),
    "evidence.summary": (
        "{total} links checked: {reachable} reachable, {broken} broken, {unreachable} unreachable,"
        " {refused} not fetched",
        "ตรวจลิงก์ {total} รายการ: เข้าถึงได้ {reachable} ลิงก์เสีย {broken} เข้าถึงไม่ได้ {unreachable}"
        " ไม่ได้ตรวจ {refused}",
    ),
    "evidence.written": ("recorded in {path}", "บันทึกผลไว้ใน {path}"),
    "evidence.reachable": ("reachable", "เข้าถึงได้"),
    "evidence.broken": ("broken", "ลิงก์เสีย"),
    "evidence.unreachable": ("unreachable", "เข้าถึงไม่ได้"),
    "evidence.refused": (
        "not fetched (an address on this machine's own networks; --allow-private fetches it)",
        "ไม่ได้ตรวจ (เป็นที่อยู่ภายในเครือข่ายของเครื่องนี้ ใช้ --allow-private หากต้องการตรวจ)",
    ),
    "review.written": (
        "wrote {path}: {indicators} indicators to review",
        "เขียนไฟล์ {path} แล้ว มีตัวชี้วัดที่ต้องทบทวน {indicators} ตัว",
    ),
    "decision.written": (
        "wrote {path}: {indicators} indicators in dispute to decide",
        "เขียนไฟล์ {path} แล้ว มีตัวชี้วัดที่มีข้อโต้แย้งรอวินิจฉัย {indicators} ตัว",
    ),
    "review.id": (
        "'{value}' cannot be part of a file name; use letters, digits, '-' and '_'",
        "'{value}' ใช้เป็นส่วนหนึ่งของชื่อไฟล์ไม่ได้ กรุณาใช้ตัวอักษรภาษาอังกฤษ ตัวเลข '-' และ '_'",
    ),
    "decision.nothing_disputed": (
        "{file} has no indicator in dispute: nothing to decide",
        "{file} ไม่มีตัวชี้วัดที่มีข้อโต้แย้ง จึงไม่มีเรื่องต้องวินิจฉัย",
    ),
    "review.scaffold.title": (
        "Independent review of the assessment of {unit}, fiscal year B.E. {round}",
        "การทบทวนแบบประเมินของ{unit} ปีงบประมาณ พ.ศ. {round} โดยผู้ทบทวนอิสระ",
    ),
    "review.scaffold.how": (
        "For each indicator, give the level you verify against the rubric's descriptions"
        " (level), what the unit's evidence showed (evidence), why your level differs when it"
        " does (reason), and notes, each public (shown in the report) or internal. The unit"
        " answers a level it does not accept under 'reply:'. Leave unit_level and unit_entry"
        " as they are: they tell which answer you reviewed.",
        "ระบุระดับที่ตรวจสอบแล้วของแต่ละตัวชี้วัดโดยเทียบกับคำอธิบายระดับในเกณฑ์ (level)"
        " ผลการตรวจหลักฐานของหน่วยรับการประเมิน (evidence) เหตุผลเมื่อระดับต่างจากที่หน่วยรับการประเมินให้ไว้"
        " (reason) และข้อสังเกต (notes) ซึ่งกำหนดได้ว่าเปิดเผยในรายงานหรือใช้ภายใน"
        " หน่วยรับการประเมินชี้แจงระดับที่ไม่เห็นด้วยใต้ 'reply:' กรุณาคงค่า unit_level และ unit_entry"
        " ไว้ตามเดิม เพราะใช้ระบุว่าทบทวนคำตอบฉบับใด",
    ),
    "review.scaffold.how.check": (
        "Check the file with: ogmp validate {file}",
        "ตรวจไฟล์ด้วยคำสั่ง: ogmp validate {file}",
    ),
    "decision.scaffold.title": (
        "The secretariat's decision on the disputed indicators of {unit}, fiscal year B.E. {round}",
        "คำวินิจฉัยของฝ่ายเลขานุการในตัวชี้วัดที่มีข้อโต้แย้งของ{unit} ปีงบประมาณ พ.ศ. {round}",
    ),
    "decision.scaffold.how": (
        "For each indicator in dispute, give the final level (level) and why (note). An"
        " indicator the reviewers agree on and the unit accepts needs no decision.",
        "ระบุระดับสุดท้ายของตัวชี้วัดที่มีข้อโต้แย้ง (level) และเหตุผล (note)"
        " ตัวชี้วัดที่ผู้ทบทวนเห็นตรงกันและหน่วยรับการประเมินยอมรับแล้วไม่ต้องวินิจฉัย",
    ),
    "decision.scaffold.how.check": (
        "Check the file with: ogmp validate {file}",
        "ตรวจไฟล์ด้วยคำสั่ง: ogmp validate {file}",
    ),
    "review.scaffold.level": ("the level you verify: 1-5 or n/a", "ระดับที่ตรวจสอบแล้ว 1-5 หรือ n/a"),
    "review.scaffold.evidence": (
        "found, not_found, not_public or not_checked",
        "found (พบ) not_found (ไม่พบ) not_public (ไม่เปิดเผย) หรือ not_checked (ยังไม่ได้ตรวจ)",
    ),
    "review.scaffold.reason": ("required when your level differs", "จำเป็นเมื่อระดับต่างจากของหน่วยรับการประเมิน"),
    "review.scaffold.notes": (
        "- text: ...  then  public: true/false",
        "- text: ...  แล้ว  public: true/false",
    ),
    "review.scaffold.reply": (
        "the unit's answer: agree: true, or false with a reason",
        "คำชี้แจงของหน่วยรับการประเมิน: agree: true หรือ false พร้อมเหตุผล",
    ),
    "review.scaffold.unit_level": (
        "The unit's level: {level} {name}",
        "ระดับที่หน่วยรับการประเมินให้ไว้: ระดับ {level} {name}",
    ),
    "review.scaffold.unit_level_missing": ("The unit gave no level", "หน่วยรับการประเมินยังไม่ได้ให้ระดับ"),
    "review.scaffold.not_applicable": (
        "The unit: not applicable ({reason})",
        "หน่วยรับการประเมิน: ไม่เกี่ยวข้อง ({reason})",
    ),
    "review.scaffold.public": ("public", "เปิดเผยต่อสาธารณะ"),
    "review.scaffold.not_public": ("not public", "ไม่เปิดเผยต่อสาธารณะ"),
    "review.scaffold.note": ("Note: {note}", "คำอธิบาย: {note}"),
    "review.scaffold.unit_said": ("The unit's level: {level}", "ระดับที่หน่วยรับการประเมินให้ไว้: {level}"),
    "review.scaffold.reviewer_said": ("{name}: level {level}. {reason}", "{name}: ระดับ {level} {reason}"),
    "review.scaffold.unit_replied": ("The unit replied: {reason}", "หน่วยรับการประเมินชี้แจงว่า {reason}"),
    "review.scaffold.decided_level": ("the final level: 1-5 or n/a", "ระดับสุดท้าย 1-5 หรือ n/a"),
    "review.scaffold.decided_note": ("why", "เหตุผลของการวินิจฉัย"),
    "scaffold.how.check": (
        "While filling in, check with: ogmp validate --partial {file}   When done: ogmp validate {file}",
        "ระหว่างกรอก ตรวจได้ด้วยคำสั่ง ogmp validate --partial {file}   กรอกเสร็จแล้วตรวจด้วย ogmp validate {file}",
    ),
    "scaffold.how.yaml": (
        "Indent with spaces, never tabs. Put text containing ': ' or starting with a symbol in quotes.",
        "ย่อหน้าด้วยการเว้นวรรคเท่านั้น ห้ามใช้อักขระ Tab ข้อความที่มี ': ' หรือขึ้นต้นด้วยสัญลักษณ์ให้ใส่ในเครื่องหมายคำพูด",
    ),
    "scaffold.kind": (
        "province = province, agency = central agency, local = local administration",
        "province = จังหวัด, agency = ส่วนราชการ, local = องค์กรปกครองส่วนท้องถิ่น",
    ),
    "scaffold.round": ("fiscal year (B.E.)", "ปีงบประมาณ (พ.ศ.)"),
    "scaffold.date": (
        "date of the assessment, e.g. 2021-03-22 (B.E. 2564-03-22 also works)",
        "วันที่ประเมิน เช่น 2564-03-22 (ใช้ปี ค.ศ. ก็ได้)",
    ),
    "scaffold.assessors": ("who assessed, at least one person, e.g.:", "ผู้ประเมิน อย่างน้อย 1 คน เช่น"),
    "scaffold.assessor.name": ("Ms Example Name", "นางสาวตัวอย่าง ใจดี"),
    "scaffold.assessor.role": ("Head of the Provincial Office", "หัวหน้าสำนักงานจังหวัด"),
    "scaffold.assessor.org": ("Provincial Office", "สำนักงานจังหวัด"),
    "scaffold.target": (
        "to-be target 1-5; empty = the rubric's default ({default})",
        "ระดับเป้าหมาย (To-be) 1-5 เว้นว่าง = ค่าเริ่มต้นของเกณฑ์ ({default})",
    ),
    "scaffold.component.note": ("situation, problems or remarks", "สถานการณ์ ปัญหา หรือข้อสังเกต"),
    "scaffold.level": ("1-5, or n/a with reason:", "1-5 หรือ n/a พร้อม reason:"),
    "scaffold.evidence": (
        "- url: https://...  (or file: ...)  then  public: true/false",
        "- url: https://...  (หรือ file: ...)  และ public: true/false",
    ),
    "scaffold.note": ("what the level rests on", "คำอธิบายประกอบระดับที่ประเมิน"),
    "scaffold.evidence_hint": ("Evidence: {text}", "หลักฐานที่ควรแนบ: {text}"),
    "scaffold.principles": ("Principles: {names}", "หลักการ: {names}"),
    "scaffold.stage": ("Participation stage: {name}", "ขั้นตอนการมีส่วนร่วม: {name}"),
}


class Message:
    """A user-facing message: a catalogue code and its parameters."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        if code not in CATALOG:
            raise KeyError(f"no message {code!r} in the catalogue")
        self.code = code
        self.params = params

    def render(self, lang: Lang) -> str:
        """The message in ``lang`` with its parameters filled in."""
        english, thai = CATALOG[self.code]
        template = thai if lang == "th" else english
        return template.format(**{k: _render_param(v, lang) for k, v in self.params.items()})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and self.code == other.code and self.params == other.params

    def __hash__(self) -> int:
        return hash((self.code, repr(sorted(self.params.items()))))

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {self.params!r})"


def tr(code: str, lang: Lang, /, **params: object) -> str:
    """The catalogue's text ``code`` in ``lang``: the one look-up of every text ogmp shows."""
    return Message(code, **params).render(lang)


def _render_param(value: object, lang: Lang) -> str:
    if isinstance(value, Message):
        return value.render(lang)
    if hasattr(value, "th") and hasattr(value, "en"):  # a bilingual text
        return str(getattr(value, lang))
    if isinstance(value, (list, tuple)):
        return ", ".join(_render_param(item, lang) for item in value)
    return str(value)


def one_of(values: Sequence[object]) -> Message | str:
    """``a, b or c`` in the user's language."""
    quoted = [str(v) for v in values]
    if len(quoted) < 2:
        return "".join(quoted)
    return Message("list.or", head=", ".join(quoted[:-1]), last=quoted[-1])
