#!/usr/bin/env python3
"""Generate a synthetic corpus of Vietnamese Party/State documents (stdlib only).

    python3 scripts/gen_corpus.py --out DIR --count N [--seed S] [--jobs J] [--seed-file PATH]

Writes N plain UTF-8 files DIR/NNNNNN_<hash>.txt in the style of the seed document (header with
issuing body, motto, place and date, "Số: ..." line, type heading and title or "V/v" + "Kính gửi",
numbered sections, bullets, "Nơi nhận" and signature), and DIR/ground_truth.jsonl with one JSON
object per document, in index order:

    file, number (canonical: "12-NQ/ĐU", "45/2019/QĐ-UBND", "1234/UBND-VP"), type (code), type_name,
    issuer (code in the number), issuer_name, province, sector, date, place, title,
    variant ("normal" | "unaccented" | "nfd" | "oldtone"), bytes,
    citations: [{number, relation, date, target}] in text order, one entry per occurrence.
        relation follows the cue word in front of the number: thực hiện -> implements,
        triển khai / quán triệt -> disseminates, căn cứ -> based_on, theo -> follows,
        sửa đổi, bổ sung -> amends, thay thế -> replaces, bãi bỏ -> repeals,
        hướng dẫn thực hiện -> guides, no cue -> mentions.
        date is the date written next to the number (yyyy-mm-dd) or null; target is the cited
        file name for generated documents, null for real documents (25-NQ/TW, 18/2000/CT-TTg, ...).

Numbers are unique per (number, type, issuer code, year) over the corpus (Party numbers restart
each term of the committee, State numbers each year) and never reuse the real numbers cited from
the seed (164-KH/TU, 84-CV/ĐU, ...). Documents cite only earlier ones. Sentences are recombined
from the seed file (default /work/shared/seed/..., else the repo's corpus/), read at run time, plus
the templates below. Output depends on (--count, --seed, seed text) only: document i draws from
its own Random(f"{seed}:<stage>:{i}"), so the number of workers does not matter. Sizes are
log-normal, 1-30 KB, mean about 6 KB (Công văn and Thông báo smaller).
Variant texts: unaccented strips all marks and đ->d; nfd is NFD-decomposed; oldtone moves the
tone mark of open oa/oe/uy syllables to the second vowel ("hòa"->"hoà", "Tỉnh ủy"->"Tỉnh uỷ").
The ground truth always holds the canonical (accented, NFC) strings.
"""
import argparse, hashlib, json, math, os, re, sys, time, unicodedata
from bisect import bisect_right
from datetime import date, timedelta
from itertools import accumulate
from multiprocessing import Pool
from pathlib import Path
from random import Random

REPO = Path(__file__).resolve().parent.parent
SEED_DEFAULTS = [Path("/work/shared/seed/000_805e6ce0319a12de.txt"), REPO / "corpus"]

# ------------------------------------------------------------------------------------------ data
PROVINCES = [  # name, seat of the provincial committee, districts, centrally-run city
    ("Đồng Nai", "Biên Hòa", ["Long Thành", "Nhơn Trạch", "Trảng Bom", "Thống Nhất", "Định Quán", "Xuân Lộc", "Cẩm Mỹ", "Vĩnh Cửu"], False),
    ("Bình Dương", "Thủ Dầu Một", ["Dầu Tiếng", "Phú Giáo", "Bàu Bàng", "Bắc Tân Uyên"], False),
    ("Bà Rịa - Vũng Tàu", "Bà Rịa", ["Long Điền", "Đất Đỏ", "Xuyên Mộc", "Châu Đức", "Côn Đảo"], False),
    ("Tây Ninh", "Tây Ninh", ["Tân Biên", "Tân Châu", "Dương Minh Châu", "Gò Dầu", "Bến Cầu"], False),
    ("Long An", "Tân An", ["Đức Hòa", "Bến Lức", "Cần Giuộc", "Thủ Thừa"], False),
    ("Khánh Hòa", "Nha Trang", ["Cam Lâm", "Diên Khánh", "Khánh Vĩnh", "Vạn Ninh"], False),
    ("Thừa Thiên Huế", "Huế", ["Phong Điền", "Quảng Điền", "Phú Vang", "A Lưới"], False),
    ("Quảng Nam", "Tam Kỳ", ["Duy Xuyên", "Núi Thành", "Thăng Bình", "Nam Giang"], False),
    ("Nghệ An", "Vinh", ["Nghi Lộc", "Diễn Châu", "Quỳnh Lưu", "Thanh Chương"], False),
    ("Thanh Hóa", "Thanh Hóa", ["Hoằng Hóa", "Quảng Xương", "Thọ Xuân", "Như Thanh"], False),
    ("Hòa Bình", "Hòa Bình", ["Lạc Sơn", "Kim Bôi", "Mai Châu", "Tân Lạc"], False),
    ("Ninh Bình", "Ninh Bình", ["Hoa Lư", "Gia Viễn", "Kim Sơn", "Yên Khánh"], False),
    ("Thái Bình", "Thái Bình", ["Kiến Xương", "Tiền Hải", "Quỳnh Phụ", "Vũ Thư"], False),
    ("Quảng Ninh", "Hạ Long", ["Vân Đồn", "Tiên Yên", "Cô Tô", "Đầm Hà"], False),
    ("Lâm Đồng", "Đà Lạt", ["Đức Trọng", "Di Linh", "Bảo Lâm", "Lâm Hà"], False),
    ("Cần Thơ", "Cần Thơ", ["Phong Điền", "Cờ Đỏ", "Thới Lai", "Vĩnh Thạnh"], True),
    ("Hà Nội", "Hà Nội", ["Sóc Sơn", "Đông Anh", "Gia Lâm", "Ba Vì"], True),
]
DEPARTMENTS = [("Tư pháp", "STP"), ("Nội vụ", "SNV"), ("Tài chính", "STC"), ("Y tế", "SYT"),
               ("Giáo dục và Đào tạo", "SGDĐT"), ("Xây dựng", "SXD"), ("Giao thông vận tải", "SGTVT"),
               ("Công Thương", "SCT"), ("Tài nguyên và Môi trường", "STNMT"),
               ("Nông nghiệp và Phát triển nông thôn", "SNN"), ("Kế hoạch và Đầu tư", "SKHĐT"),
               ("Văn hóa, Thể thao và Du lịch", "SVHTTDL"), ("Lao động - Thương binh và Xã hội", "SLĐTBXH"),
               ("Thông tin và Truyền thông", "STTTT"), ("Khoa học và Công nghệ", "SKHCN")]
BANS = [("Ban Tuyên giáo", "BTG", "TRƯỞNG BAN"), ("Ban Dân vận", "BDV", "TRƯỞNG BAN"),
        ("Ban Tổ chức", "BTC", "TRƯỞNG BAN"), ("Ủy ban Kiểm tra", "UBKT", "CHỦ NHIỆM"),
        ("Văn phòng", "VP", "CHÁNH VĂN PHÒNG")]
TYPE_NAMES = {"NQ": "Nghị quyết", "KH": "Kế hoạch", "CTr": "Chương trình", "QĐ": "Quyết định",
              "QĐi": "Quy định", "CT": "Chỉ thị", "KL": "Kết luận", "HD": "Hướng dẫn", "BC": "Báo cáo",
              "TB": "Thông báo", "CV": "Công văn"}
HEADING = {**{k: v.upper() for k, v in TYPE_NAMES.items()}, "CTr": "CHƯƠNG TRÌNH HÀNH ĐỘNG"}
TYPE_WEIGHTS = {  # by kind of issuing body
    "committee": {"KH": 20, "CV": 18, "BC": 10, "NQ": 8, "CTr": 7, "QĐ": 9, "HD": 4, "TB": 7, "CT": 5, "KL": 6, "QĐi": 5},
    "ban": {"KH": 25, "CV": 30, "HD": 20, "BC": 15, "TB": 10},
    "ubnd": {"QĐ": 32, "KH": 20, "CV": 30, "CT": 6, "BC": 12},
    "hdnd": {"NQ": 1},
    "so": {"QĐ": 15, "KH": 25, "CV": 45, "BC": 15},
}
IMPLEMENTABLE = {"NQ", "KH", "CTr", "QĐ", "QĐi", "CT", "KL", "HD"}
# Real documents that generated ones cite: number, type name, date written (None: not known),
# issuer for "của ...", subject, province (None: national), date from which it may be cited.
EXTERNAL = [
    ("25-NQ/TW", "Nghị quyết", date(2013, 6, 3), "Ban Chấp hành Trung ương Đảng (khóa XI)", "tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới"),
    ("12-NQ/TW", "Nghị quyết", date(2012, 1, 16), "Ban Chấp hành Trung ương Đảng (khóa XI)", "một số vấn đề cấp bách về xây dựng Đảng hiện nay"),
    ("04-NQ/TW", "Nghị quyết", date(2016, 10, 30), "Ban Chấp hành Trung ương Đảng (khóa XII)", "tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, lối sống, những biểu hiện “tự diễn biến”, “tự chuyển hóa” trong nội bộ"),
    ("101-QĐ/TW", "Quy định", date(2012, 6, 7), "Ban Bí thư Trung ương Đảng", "trách nhiệm nêu gương của cán bộ, đảng viên, nhất là cán bộ lãnh đạo chủ chốt các cấp"),
    ("55-QĐ/TW", "Quy định", date(2012, 1, 10), "Ban Bí thư Trung ương Đảng", "công tác kiểm tra của tổ chức đảng đối với việc tu dưỡng, rèn luyện đạo đức của cán bộ, đảng viên"),
    ("08-QĐi/TW", "Quy định", date(2018, 10, 25), "Ban Chấp hành Trung ương Đảng", "trách nhiệm nêu gương của cán bộ, đảng viên, trước hết là Ủy viên Bộ Chính trị, Ủy viên Ban Bí thư, Ủy viên Ban Chấp hành Trung ương"),
    ("102-QĐ/TW", "Quy định", date(2017, 11, 15), "Bộ Chính trị", "xử lý kỷ luật đảng viên vi phạm"),
    ("290-QĐ/TW", "Quyết định", date(2010, 2, 25), "Bộ Chính trị", "ban hành Quy chế công tác dân vận của hệ thống chính trị"),
    ("11-CT/TW", "Chỉ thị", date(1996, 12, 28), "Bộ Chính trị (khóa VIII)", "đặt mua và đọc báo Đảng"),
    ("05-CT/TW", "Chỉ thị", date(2016, 5, 15), "Bộ Chính trị", "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
    ("62-KL/TW", "Kết luận", date(2009, 12, 8), "Ban Bí thư Trung ương Đảng", "tiếp tục đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội"),
    ("36-HD/VPTW", "Hướng dẫn", date(2018, 4, 3), "Văn phòng Trung ương Đảng", "thể thức và kỹ thuật trình bày văn bản của Đảng"),
    ("18/2000/CT-TTg", "Chỉ thị", date(2000, 9, 21), "Thủ tướng Chính phủ", "tăng cường công tác dân vận"),
    ("30/2020/NĐ-CP", "Nghị định", date(2020, 3, 5), "Chính phủ", "công tác văn thư"),
    ("04/2015/NĐ-CP", "Nghị định", date(2015, 1, 9), "Chính phủ", "thực hiện dân chủ trong hoạt động của cơ quan hành chính nhà nước và đơn vị sự nghiệp công lập"),
    ("10/2022/QH15", "Luật", date(2022, 11, 10), "Quốc hội", "thực hiện dân chủ ở cơ sở"),
    ("164-KH/TU", "Kế hoạch", None, "Ban Chấp hành Đảng bộ tỉnh khóa IX", "tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới", "Đồng Nai", date(2014, 1, 1)),
    ("272-QĐ/TU", "Quyết định", date(2012, 7, 24), "Ban Thường vụ Tỉnh ủy", "quy chế nêu gương của cán bộ, đảng viên, cán bộ chủ chốt các cấp, các ngành", "Đồng Nai"),
    ("768-QĐ/TU", "Quyết định", date(2010, 6, 21), "Tỉnh ủy", "Quy chế công tác dân vận của hệ thống chính trị tỉnh Đồng Nai", "Đồng Nai"),
    ("60-CTr/ĐUK", "Chương trình", date(2014, 5, 29), "Đảng ủy Khối các cơ quan tỉnh", "tăng cường và đổi mới sự lãnh đạo của Đảng đối với công tác dân vận trong tình hình mới", "Đồng Nai"),
    ("84-CV/ĐU", "Công văn", date(2014, 6, 6), "Đảng ủy Sở Tư pháp", "triển khai thực hiện Chương trình hành động của Đảng ủy Khối", "Đồng Nai"),
]
EXT = {}
for _e in EXTERNAL:
    _num, _tn, _d, _of, _subj = _e[:5]
    _prov = _e[5] if len(_e) > 5 else None
    EXT[_num] = dict(number=_num, type_name=_tn, date=_d, of=_of, subject=_subj, province=_prov,
                     avail=_e[6] if len(_e) > 6 else _d, party="/" in _num and "-" in _num.split("/")[0])
SUBJECTS = [  # phrase after "về", first year, last year
    ("nâng cao chất lượng sinh hoạt chi bộ", 0, 9999), ("công tác kiểm tra, giám sát năm {y}", 0, 9999),
    ("thực hiện Quy chế dân chủ ở cơ sở", 0, 9999), ("tăng cường công tác phòng, chống tham nhũng, lãng phí", 0, 9999),
    ("công tác phát triển đảng viên năm {y}", 0, 9999), ("đẩy mạnh cải cách hành chính giai đoạn {y}-{y5}", 0, 9999),
    ("phát động phong trào thi đua “Dân vận khéo” năm {y}", 0, 9999),
    ("tuyên truyền kỷ niệm {k} năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/{y})", 0, 9999),
    ("xây dựng nông thôn mới trên địa bàn {area}", 0, 9999), ("công tác văn thư, lưu trữ", 0, 9999),
    ("công tác bảo vệ chính trị nội bộ", 0, 9999), ("đặt mua và đọc báo, tạp chí của Đảng năm {y1}", 0, 9999),
    ("công tác tiếp công dân, giải quyết khiếu nại, tố cáo", 0, 9999), ("công tác dân vận chính quyền", 0, 9999),
    ("bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch", 2018, 9999),
    ("phòng, chống dịch Covid-19", 2020, 2022), ("chuyển đổi số trong hoạt động của các cơ quan đảng", 2020, 9999),
    ("công tác quy hoạch, đào tạo, bồi dưỡng cán bộ", 0, 9999), ("phòng, chống thiên tai, tìm kiếm cứu nạn", 0, 9999),
    ("bảo đảm an ninh, trật tự trong dịp Tết Nguyên đán {y1}", 0, 9999), ("công tác thi đua, khen thưởng", 0, 9999),
    ("học tập, quán triệt và triển khai thực hiện Nghị quyết Đại hội Đảng bộ {area}", 0, 9999),
    ("công tác giảm nghèo bền vững", 0, 9999), ("bảo vệ môi trường và ứng phó với biến đổi khí hậu", 0, 9999),
    ("phát triển kinh tế tập thể, hợp tác xã", 0, 9999), ("xây dựng đời sống văn hóa ở khu dân cư", 0, 9999),
    ("thực hành tiết kiệm, chống lãng phí", 0, 9999), ("công tác hòa giải ở cơ sở", 0, 9999),
    ("phát triển thủy lợi, phòng, chống hạn hán và xâm nhập mặn", 0, 9999),
    ("chăm sóc, bảo vệ và nâng cao sức khỏe nhân dân", 0, 9999), ("đẩy mạnh xã hội hóa giáo dục", 0, 9999),
    ("xây dựng lực lượng dân quân tự vệ vững mạnh, rộng khắp", 0, 9999),
]
RARE = [  # rare sentences, a few percent of documents get one
    "Chủ động phòng, chống bệnh dịch tả lợn châu Phi, không để dịch lây lan trên diện rộng.",
    "Khắc phục kịp thời hậu quả sạt lở bờ sông, bảo đảm an toàn cho các hộ dân ven sông.",
    "Số hóa hồ sơ tại Kho lưu trữ lịch sử, hoàn thành việc chỉnh lý tài liệu tồn đọng.",
    "Vận động ngư dân không khai thác hải sản bất hợp pháp, không báo cáo và không theo quy định (IUU).",
    "Bảo tồn nghề dệt thổ cẩm truyền thống của đồng bào dân tộc thiểu số.",
    "Xử lý nghiêm hoạt động khai thác cát trái phép trên các tuyến sông.",
    "Tăng cường tuần tra, phòng cháy, chữa cháy rừng trong mùa khô hanh.",
    "Hỗ trợ đồng bào khắc phục hậu quả mưa đá, lốc xoáy, ổn định cuộc sống.",
    "Tuyên truyền người dân tham gia bảo hiểm y tế hộ gia đình, bảo hiểm xã hội tự nguyện.",
    "Quản lý chặt chẽ việc nuôi chim yến trong khu dân cư, bảo đảm vệ sinh môi trường.",
]
SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trịnh Đinh".split()
MIDDLES = "Văn Thị Hữu Đức Minh Thanh Quốc Ngọc Xuân Công Thị Kim Văn Anh".split()
GIVENS = ("Châu Tùng Hùng Dũng Hòa Thủy Lan Hương Sơn Phong Tuấn Khoa Thành Bình Hải Long Quang Thắng "
          "Nga Hoa Thúy Khỏe Toàn Nam Hiếu Trung Nghĩa Phúc Vinh Hạnh Thoa Loan Thủy Hòa").split()
ACTORS = ["Các cấp ủy, tổ chức đảng", "Ban Thường vụ {short}", "Ban Tuyên giáo {short}", "Văn phòng {short}",
          "Ủy ban Kiểm tra {short}", "Các chi bộ, đảng bộ cơ sở", "Thủ trưởng các cơ quan, đơn vị",
          "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội", "Các phòng chuyên môn, đơn vị trực thuộc",
          "Người đứng đầu cấp ủy, cơ quan, đơn vị", "Các đồng chí cấp ủy viên được phân công phụ trách"]
STATE_ACTORS = ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thành phố", "Văn phòng {short}",
                "Thủ trưởng các cơ quan, đơn vị", "Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội",
                "Chủ tịch Ủy ban nhân dân các xã, phường, thị trấn", "Các phòng chuyên môn, đơn vị trực thuộc"]
ACTIONS = ["chủ trì, phối hợp tham mưu thực hiện", "tổ chức quán triệt, học tập", "xây dựng kế hoạch cụ thể để thực hiện",
           "thường xuyên theo dõi, kiểm tra, đôn đốc", "tổng hợp, đánh giá", "đẩy mạnh tuyên truyền",
           "rà soát, bổ sung", "chỉ đạo triển khai nghiêm túc", "lồng ghép vào chương trình công tác",
           "định kỳ sơ kết, rút kinh nghiệm"]
OBJECTS = ["các nhiệm vụ, giải pháp đã đề ra", "công tác dân vận", "việc thực hiện Quy chế dân chủ ở cơ sở",
           "công tác cải cách hành chính", "việc chấp hành chế độ thông tin, báo cáo", "nội dung {what}",
           "các chỉ tiêu của {what}", "công tác kiểm tra, giám sát", "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
           "công tác xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh"]
DEADLINES = ["trước ngày {dd} tháng {mm} năm {y}", "định kỳ 6 tháng, hằng năm", "trong quý {q} năm {y}",
             "hoàn thành trong tháng {mm}/{y}", "thường xuyên", "trước ngày 15 tháng 12 hằng năm"]
TEMPLATES = [
    "Định kỳ 6 tháng, hằng năm, các đơn vị báo cáo kết quả thực hiện về {short} (qua {ban}) để tổng hợp, báo cáo cấp trên.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị kịp thời phản ánh về {ban} để được hướng dẫn.",
    "Phấn đấu đến năm {y5}, có trên {pct}% tổ chức cơ sở đảng đạt tiêu chuẩn hoàn thành tốt nhiệm vụ trở lên.",
    "Năm {y}, toàn Đảng bộ đã kết nạp {n} đảng viên mới, đạt {pct}% chỉ tiêu đề ra.",
    "Đã tổ chức {n} hội nghị quán triệt với {m} lượt cán bộ, đảng viên tham dự, đạt tỷ lệ {pct}%.",
    "Kinh phí thực hiện được bố trí từ nguồn ngân sách được giao hằng năm của cơ quan, đơn vị và các nguồn hợp pháp khác.",
    "{short_cap} giao {ban} chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc và định kỳ báo cáo kết quả.",
    "Tỷ lệ đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên đạt {pct}%; không có tổ chức đảng yếu kém.",
]
HEADINGS = [  # added to the seed's numbered headings
    "Nâng cao chất lượng, hiệu quả công tác tuyên truyền, giáo dục chính trị, tư tưởng",
    "Đổi mới phương thức lãnh đạo của cấp ủy đối với chính quyền và các đoàn thể",
    "Tăng cường công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
    "Xây dựng đội ngũ cán bộ các cấp đủ phẩm chất, năng lực, uy tín ngang tầm nhiệm vụ",
    "Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân, doanh nghiệp",
    "Phát triển kinh tế - xã hội gắn với bảo đảm quốc phòng, an ninh",
    "Chăm lo đời sống vật chất, tinh thần cho cán bộ, công chức, viên chức và người lao động",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan, đơn vị",
    "Thực hiện tốt công tác bảo vệ chính trị nội bộ", "Củng cố, kiện toàn tổ chức bộ máy, tinh giản biên chế",
    "Phát huy vai trò giám sát, phản biện xã hội của Mặt trận Tổ quốc và các đoàn thể",
    "Nâng cao chất lượng sinh hoạt chi bộ và chất lượng đảng viên", "Thực hiện có hiệu quả công tác dân vận chính quyền",
    "Làm tốt công tác thi đua, khen thưởng và nhân rộng điển hình tiên tiến", "Bảo đảm kinh phí, cơ sở vật chất cho việc thực hiện",
    "Phạm vi điều chỉnh và đối tượng áp dụng", "Nguyên tắc phối hợp", "Trách nhiệm của người đứng đầu", "Chế độ thông tin, báo cáo",
    "Khen thưởng và xử lý vi phạm", "Công tác quản lý, sử dụng tài chính, tài sản công",
    "Giải quyết kịp thời những kiến nghị chính đáng của nhân dân",
    "Bảo vệ môi trường, phòng, chống thiên tai và ứng phó với biến đổi khí hậu",
    "Phát triển văn hóa, xây dựng con người Việt Nam đáp ứng yêu cầu phát triển bền vững",
    "Chăm sóc sức khỏe nhân dân, bảo đảm an sinh xã hội", "Giữ vững an ninh chính trị, trật tự, an toàn xã hội",
    "Đổi mới căn bản, toàn diện giáo dục và đào tạo", "Xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
]
BULLETS = [  # added to the seed's bullets
    "Tổ chức hội nghị quán triệt đến 100% cán bộ chủ chốt và đảng viên", "Xây dựng chuyên mục tuyên truyền trên Trang thông tin điện tử",
    "Rà soát, bổ sung quy chế làm việc, quy chế dân chủ của cơ quan", "Tổ chức đối thoại trực tiếp giữa người đứng đầu với cán bộ, công chức",
    "Biểu dương, khen thưởng kịp thời các tập thể, cá nhân có thành tích xuất sắc", "Kiểm tra, giám sát việc thực hiện ở các chi bộ trực thuộc",
    "Đưa nội dung thực hiện vào tiêu chí đánh giá, xếp loại tổ chức đảng và đảng viên hằng năm",
    "Phối hợp với Mặt trận Tổ quốc và các đoàn thể vận động nhân dân tham gia", "Công khai thủ tục hành chính tại bộ phận một cửa",
    "Tổ chức sơ kết giữa nhiệm kỳ, rút kinh nghiệm và đề ra giải pháp cho thời gian tiếp theo",
    "Bồi dưỡng kỹ năng công tác dân vận cho cán bộ làm công tác đoàn thể", "Quản lý chặt chẽ việc sử dụng ngân sách, tài sản công",
    "Giải quyết dứt điểm các vụ việc khiếu nại, tố cáo tồn đọng, kéo dài", "Tăng cường kiểm tra việc kê khai tài sản, thu nhập",
]
NPS = ["chất lượng nguồn nhân lực", "hạ tầng giao thông nông thôn", "thu ngân sách nhà nước", "giải ngân vốn đầu tư công",
       "các khu công nghiệp", "doanh nghiệp nhỏ và vừa", "hộ nghèo, hộ cận nghèo", "người có công với cách mạng",
       "thanh niên, học sinh, sinh viên", "đồng bào dân tộc thiểu số", "đồng bào có đạo", "người cao tuổi",
       "trẻ em có hoàn cảnh đặc biệt khó khăn", "các di tích lịch sử - văn hóa", "an toàn vệ sinh thực phẩm",
       "trật tự an toàn giao thông", "phòng, chống tội phạm ma túy", "hoạt động tín dụng đen", "đất đai, tài nguyên, khoáng sản",
       "quy hoạch sử dụng đất", "dịch vụ công trực tuyến", "bảo hiểm xã hội, bảo hiểm y tế", "trường học đạt chuẩn quốc gia",
       "trạm y tế xã", "nước sạch nông thôn", "các chương trình mục tiêu quốc gia", "sản phẩm OCOP", "kinh tế số",
       "hợp tác xã kiểu mới", "công tác tuyển quân", "công nhân, viên chức, lao động", "hội viên phụ nữ", "cựu chiến binh",
       "nông dân sản xuất, kinh doanh giỏi", "kinh tế biển", "du lịch cộng đồng", "rừng phòng hộ", "công tác hòa giải ở cơ sở",
       "công trình thủy lợi", "chăm sóc sức khỏe ban đầu", "thiết chế văn hóa cơ sở", "học tập suốt đời"]
NP_VERBS = ["Quan tâm đầu tư", "Tập trung tháo gỡ khó khăn cho", "Nâng cao hiệu quả quản lý", "Đẩy mạnh phát triển",
            "Tăng cường kiểm tra, xử lý vi phạm về", "Chú trọng chăm lo", "Huy động mọi nguồn lực cho",
            "Làm tốt công tác tuyên truyền về", "Rà soát, đánh giá thực trạng", "Hỗ trợ kịp thời", "Quản lý chặt chẽ"]
GOALS = ["góp phần thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội của địa phương", "tạo sự đồng thuận trong xã hội",
         "củng cố niềm tin của nhân dân đối với Đảng, chính quyền", "bảo đảm an sinh xã hội",
         "nâng cao đời sống vật chất, tinh thần của nhân dân", "không để phát sinh điểm nóng", "đáp ứng yêu cầu nhiệm vụ trong tình hình mới"]
CV_SENTS = [
    "Đề nghị các đơn vị, các đồng chí nghiên cứu, quán triệt và tổ chức thực hiện nghiêm túc.",
    "Văn bản được đăng tải trên Trang thông tin điện tử của {unit}; đề nghị các đơn vị truy cập, nghiên cứu và triển khai thực hiện.",
    "Trong quá trình thực hiện gặp khó khăn, vướng mắc, liên hệ Văn phòng để được hướng dẫn./.",
    "Đề nghị các đơn vị báo cáo kết quả về {short} trước ngày {dd}/{mm}/{y} để tổng hợp.",
    "Nhận được văn bản này, đề nghị các đơn vị khẩn trương triển khai thực hiện./.",
]
CITE_RE = re.compile(r"\d+\s*-\s*[A-Za-zĐđƯư]+/|\d+/\d{4}/|\d+/[A-ZĐ]|http")
TONES = "\u0300\u0301\u0303\u0309\u0323"
OLDTONE_RE = re.compile(f"(?<![qQ])([oO](?=[{TONES}][aAeE])|[uU](?=[{TONES}][yY]))([{TONES}])(.)(?!\\w)")

# ------------------------------------------------------------------------------------- seed text
def load_seed(path):
    """Sentences, clause heads/tails, bullets and section headings of the seed, citations removed."""
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    paras = []
    for f in files:
        text = re.sub(r"\A---\n.*?\n---\n", "", f.read_text("utf-8"), flags=re.S).replace("*", "")
        for line in (l.strip() for l in text.splitlines()):
            if not line:
                continue
            if paras and line[0].islower() and paras[-1][-1] not in ".;:!?”\"":
                paras[-1] += " " + line  # page-break artefact: "đạo\n\nđức"
            else:
                paras.append(line)
    sents, heads, tails, bullets, headings = [], [], [], [], []
    for p in paras:
        if CITE_RE.search(p) or "Đồng Nai" in p or "Sở Tư pháp" in p:
            continue
        if p[:2] in ("- ", "+ "):
            if len(p) > 40:
                bullets.append(p[2:].rstrip(".;,"))
            continue
        m = re.match(r"\d+[.-] (.*)", p)
        if m and len(p) < 260 and p[-1] not in ".;:":
            if len(p) > 30:
                headings.append(m.group(1))
            continue
        if len(p) < 80:
            continue
        for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĐ])", re.sub(r"^\d+[.-] ", "", p)):
            if len(s) > 40 and s.count('"') % 2 == 0 and s.count("“") == s.count("”"):
                sents.append(s if s[-1] in ".!?" else s + ".")
            for i, c in enumerate(s.rstrip(".").split("; ")):
                if len(c) > 25:
                    (heads if i == 0 and c[0].isupper() else tails if c[0].islower() else []).append(c)
    return dict(sents=sents, heads=heads, tails=tails, bullets=bullets + BULLETS, headings=headings + HEADINGS)

# ----------------------------------------------------------------------------------------- units
def build_units():
    """Every issuing body: header lines, code used in its numbers, names, place, weight of its output."""
    units = []
    for prov, seat, districts, city in PROVINCES:
        P, lvl = prov.upper(), ("thành phố" if city else "tỉnh")
        tu, bo = ("Thành ủy" if city else "Tỉnh ủy"), f"ĐẢNG BỘ {lvl.upper()} {P}"
        def add(kind, weight, level, code, lines, name, short, of, place, ban, **more):
            units.append(dict(kind=kind, weight=weight, sector="state" if kind in ("ubnd", "hdnd", "so") else "party",
                              level=level, code=code, lines=lines, name=name, short=short, of=of, place=place, ban=ban,
                              province=prov, **more))
        add("committee", 10, 1, "TU", [bo, tu.upper()], f"{tu} {prov}", tu, [f"Ban Thường vụ {tu}", f"Ban Chấp hành Đảng bộ {lvl}", tu],
            seat, f"Ban Tuyên giáo {tu}", sup="Ban Bí thư Trung ương Đảng", org=f"Đảng bộ {lvl}", body=tu.upper())
        for ban, code, chief in BANS:
            add("ban", 2, 2, code + "TU", [f"{tu.upper()} {P}", ban.upper()], f"{ban} {tu} {prov}", f"{ban} {tu}", [f"{ban} {tu}"],
                seat, f"{ban} {tu}", cm=tu, sup=f"Thường trực {tu}", body=ban.upper(), chief=chief)
        add("committee", 6, 2, "ĐUK", [bo, f"ĐẢNG ỦY KHỐI CÁC CƠ QUAN {lvl.upper()}"], f"Đảng ủy Khối các cơ quan {lvl} {prov}",
            "Đảng ủy khối", [f"Đảng ủy Khối các cơ quan {lvl}", "Ban Thường vụ Đảng ủy khối"], seat, "Ban Tuyên giáo Đảng ủy khối",
            sup=f"Ban Thường vụ {tu}", org="Đảng bộ khối", body="ĐẢNG ỦY")
        for d in districts:
            D, k = d.upper(), len(districts)
            add("committee", 14 / k, 2, "HU", [bo, f"HUYỆN ỦY {D}"], f"Huyện ủy {d}", "Huyện ủy", ["Ban Thường vụ Huyện ủy", f"Huyện ủy {d}"],
                d, "Ban Tuyên giáo Huyện ủy", sup=f"Ban Thường vụ {tu}", org="Đảng bộ huyện", body="HUYỆN ỦY")
            add("committee", 5 / k, 3, "ĐU", [f"ĐẢNG BỘ HUYỆN {D}", f"ĐẢNG ỦY THỊ TRẤN {D}"], f"Đảng ủy thị trấn {d}", "Đảng ủy thị trấn",
                [f"Đảng ủy thị trấn {d}"], d, "Văn phòng Đảng ủy", sup="Ban Thường vụ Huyện ủy", org="Đảng bộ thị trấn", body="ĐẢNG ỦY")
            add("ubnd", 12 / k, 2, "UBND", ["ỦY BAN NHÂN DÂN", f"HUYỆN {D}"], f"Ủy ban nhân dân huyện {d}", "UBND huyện",
                ["Ủy ban nhân dân huyện", "UBND huyện"], d, "Văn phòng HĐND và UBND huyện", body="ỦY BAN NHÂN DÂN", depts=["VP", "NV", "TCKH"])
        for dep, code in DEPARTMENTS:
            k = len(DEPARTMENTS)
            add("committee", 14 / k, 3, "ĐU", [f"ĐẢNG ỦY KHỐI CÁC CƠ QUAN {lvl.upper()}", f"ĐẢNG ỦY SỞ {dep.upper()}"], f"Đảng ủy Sở {dep}",
                "Đảng ủy Sở", [f"Đảng ủy Sở {dep}"], seat, "Văn phòng Sở", sup="Ban Thường vụ Đảng ủy khối", org="Đảng bộ Sở", body="ĐẢNG ỦY")
            add("so", 15 / k, 2, code, [f"UBND {lvl.upper()} {P}", f"SỞ {dep.upper()}"], f"Sở {dep} {lvl} {prov}", f"Sở {dep}", [f"Sở {dep}"],
                prov, "Văn phòng Sở", body="SỞ", depts=["VP", "TCCB", "NV", "KHTC"])
        add("ubnd", 12, 1, "UBND", ["ỦY BAN NHÂN DÂN", f"{lvl.upper()} {P}"], f"Ủy ban nhân dân {lvl} {prov}", f"UBND {lvl}",
            [f"Ủy ban nhân dân {lvl}", f"UBND {lvl}"], prov, f"Văn phòng UBND {lvl}", body="ỦY BAN NHÂN DÂN", depts=["VP", "KT", "KGVX", "NC", "TH"])
        add("hdnd", 3, 1, "HĐND", ["HỘI ĐỒNG NHÂN DÂN", f"{lvl.upper()} {P}"], f"Hội đồng nhân dân {lvl} {prov}", f"HĐND {lvl}",
            [f"Hội đồng nhân dân {lvl}"], prov, f"Văn phòng HĐND {lvl}", body="HỘI ĐỒNG NHÂN DÂN")
    return units

# ------------------------------------------------------------------------------------ planning
TERM_STARTS = [date(y, 10, 1) for y in (2005, 2010, 2015, 2020)]

def term(d):
    return bisect_right(TERM_STARTS, d)

def party_parts(num):
    m = re.match(r"(\d+)-([^/]+)/(.+)$", num)
    return int(m.group(1)), m.group(2), m.group(3)

def plan(count, seed, units):
    """Metadata of every document: unit, type, date, number, subject, size, variant, citations."""
    cum = list(accumulate(u["weight"] for u in units))
    docs = []
    for i in range(count):
        r = Random(f"{seed}:meta:{i}")
        ui = r.choices(range(len(units)), cum_weights=cum)[0]
        u = units[ui]
        tw = TYPE_WEIGHTS[u["kind"]]
        t = r.choices(list(tw), weights=list(tw.values()))[0]
        d = date(2006, 1, 1) + timedelta(days=int(6940 * r.random() ** 0.8))
        small = t in ("CV", "TB")
        mean, sigma = (2000, 0.5) if small else (6900, 0.75)
        size = int(min(26000, max(1300, r.lognormvariate(math.log(mean) - sigma ** 2 / 2, sigma))))
        v = r.random()
        variant = "unaccented" if v < 0.03 else "nfd" if v < 0.06 else "oldtone" if v < 0.10 else "normal"
        normative = u["sector"] == "state" and u["kind"] != "so" and t in ("QĐ", "CT", "NQ") and (t != "QĐ" or r.random() < 0.4)
        docs.append(dict(unit=ui, type=t, date=d, size=size, variant=variant, normative=normative))
    reserved = set()
    for e in EXT.values():
        if e["party"] and e["province"]:
            n, t, code = party_parts(e["number"])
            reserved.add((code, t, term(e["avail"]), n))
    counters, used, pools, by_unit = {}, set(), {}, {}
    for i in sorted(range(count), key=lambda i: (docs[i]["date"], i)):
        doc, r = docs[i], Random(f"{seed}:plan:{i}")
        u, t, d = units[doc["unit"]], doc["type"], doc["date"]
        party = u["sector"] == "party"
        key = (u["code"], t, term(d) if party else d.year)
        n = counters.get(key, 0) + 1 + (r.randint(1, 4) if r.random() < 0.3 else 0)
        while (party and (u["code"], t, key[2], n) in reserved) or (u["code"], t, d.year, n) in used:
            n += 1  # a term ends in October: the same year must not repeat a number
        counters[key] = n
        used.add((u["code"], t, d.year, n))
        if party:
            doc["number"] = f"{n}-{t}/{u['code']}"
        elif t == "CV":
            doc["number"] = f"{n}/{u['code']}-{r.choice(u['depts'])}"
        else:
            doc["number"] = f"{n}/{d.year}/{t}-{u['code']}" if doc["normative"] else f"{n}/{t}-{u['code']}"
        # parent: a higher body's document (earlier, same province) or a real national one
        prov, lvl = u["province"], u["level"]
        if u["sector"] == "party":
            cands = [pools.get((prov, "party", l)) for l in range(1, lvl)]
        else:
            cands = [pools.get((prov, "party", 1))] + ([pools.get((prov, "state", 1))] if lvl > 1 else [])
        cands = [c for c in cands if c]
        ext = [k for k, e in EXT.items() if e["avail"] and e["avail"] < d and e["province"] in (None, prov)]
        parent = None
        if t != "BC" or r.random() < 0.5:
            if cands and r.random() < 0.6:
                pool = r.choice(cands)
                parent = pool[-1 - min(len(pool) - 1, int(r.expovariate(1 / 8)))]
            elif ext and r.random() < 0.7:
                parent = r.choice(ext)
        doc["parent"] = parent
        if parent is None:
            s = r.choice([s for s, lo, hi in SUBJECTS if lo <= d.year <= hi])
            area = r.choice([f"tỉnh {prov}", f"huyện {u['place']}"]) if u["level"] > 1 else f"tỉnh {prov}"
            doc["subject"] = s.format(y=d.year, y1=d.year + 1, y5=d.year + 5, k=d.year - 1930, area=area)
        else:
            doc["subject"] = EXT[parent]["subject"] if isinstance(parent, str) else docs[parent]["subject"]
        same = by_unit.get((doc["unit"], t), [])
        doc["amend"] = None
        if t in ("QĐ", "QĐi", "NQ") and same and r.random() < 0.3:
            doc["amend"] = (same[-1 - min(len(same) - 1, int(r.expovariate(1 / 3)))],
                            r.choice(["amends", "amends", "replaces", "repeals"]))
        extras = []
        local = [p for p in (pools.get((prov, s, l)) for s in ("party", "state") for l in (1, 2, 3)) if p]
        for _ in range(r.randint(0, 1 + doc["size"] // 5000)):
            rel = r.choice(["mentions", "mentions", "follows", "follows", "based_on", "implements",
                            "implements", "disseminates", "guides"])
            if local and r.random() < 0.5:
                pool = r.choice(local)
                extras.append((pool[-1 - min(len(pool) - 1, int(r.expovariate(1 / 20)))], rel))
            elif ext:
                extras.append((r.choice(ext), rel))
        doc["extras"] = extras
        if t in IMPLEMENTABLE:
            pools.setdefault((prov, u["sector"], lvl), []).append(i)
        by_unit.setdefault((doc["unit"], t), []).append(i)
    return docs

# ------------------------------------------------------------------------------------ rendering
UNITS, DOCS, SEED, OUT = None, None, None, None  # set in the parent before the pool forks

def init(units, docs, seed_pools, out):
    global UNITS, DOCS, SEED, OUT
    UNITS, DOCS, SEED, OUT = units, docs, seed_pools, out

def strip_marks(s):
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")

def old_tone(s):
    return unicodedata.normalize("NFC", OLDTONE_RE.sub(r"\1\3\2", unicodedata.normalize("NFD", s)))

def fmt_date(r, d):
    return r.choice([f"{d.day:02d}/{d.month}/{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}",
                     f"{d.day}/{d.month}/{d.year}", f"{d.day:02d}-{d.month:02d}-{d.year}",
                     f"{d.day} tháng {d.month} năm {d.year}"])

class Doc:
    """Renders one document; every citation goes through cite() so the ground truth matches the text."""

    def __init__(self, i):
        self.m = DOCS[i]
        self.r = Random(f"{SEED['seed']}:body:{i}")
        self.u = UNITS[self.m["unit"]]
        self.cites, self.out, self.size = [], [], 0
        d = self.m["date"]
        short = self.u.get("cm", self.u["short"])
        self.actors = STATE_ACTORS if self.u["sector"] == "state" else ACTORS
        self.ctx = dict(short=short, short_cap=short[0].upper() + short[1:], ban=self.u["ban"], unit=self.u["name"],
                        y=d.year, y5=d.year + 5, what=TYPE_NAMES[self.m["type"]].lower() + " này")

    def target(self, t):
        if isinstance(t, str):
            return EXT[t]
        m, u = DOCS[t], UNITS[DOCS[t]["unit"]]
        return dict(number=m["number"], type_name=TYPE_NAMES[m["type"]], date=m["date"], of=self.r.choice(u["of"]),
                    party=u["sector"] == "party", subject=m["subject"])

    def cite(self, t, rel, full=None):
        """Text of a citation of t (an index or a real number); records it in the ground truth."""
        r, e = self.r, self.target(t)
        num = e["number"]
        if e["party"] and r.random() < 0.12:
            num = num.replace("-", " - ", 1)
        if num.endswith("/TW") and r.random() < 0.2:
            num = num[:-2] + "TƯ"
        name = e["type_name"]
        if name == "Chương trình" and r.random() < 0.5:
            name = "Chương trình hành động"
        so = "" if r.random() < 0.2 else "số "
        with_date = e["date"] is not None and (full or r.random() < 0.55)
        text = f"{name} {so}{num}"
        if with_date:
            text += f"{', ' if r.random() < 0.15 else ' '}ngày {fmt_date(r, e['date'])}"
        if full or r.random() < 0.4:
            text += f" của {e['of']}"
        if full or r.random() < 0.3:
            text += f" về {e['subject']}"
        self.cites.append(dict(number=e["number"], relation=rel, date=e["date"].isoformat() if with_date else None,
                               target=t if isinstance(t, int) else None))
        return text

    VERBS = {"implements": ["thực hiện", "tiếp tục thực hiện", "tổ chức thực hiện"],
             "disseminates": ["triển khai", "quán triệt", "triển khai, quán triệt", "học tập, quán triệt"],
             "based_on": ["căn cứ"], "follows": ["theo"], "guides": ["hướng dẫn thực hiện"],
             "amends": ["sửa đổi, bổ sung", "sửa đổi, bổ sung một số điều của"], "replaces": ["thay thế"],
             "repeals": ["bãi bỏ"], "mentions": [""]}

    def verb_cite(self, t, rel, full=None):
        v = self.r.choice(self.VERBS[rel])
        return (v + " " if v else "") + self.cite(t, rel, full)

    def cite_sentence(self, t, rel):
        r = self.r
        if rel == "mentions":
            form = r.choice(["Nội dung này đã được nêu rõ tại {c}.", "{C} đã xác định rõ các nhiệm vụ trọng tâm cần tập trung lãnh đạo.",
                             "Các cơ quan, đơn vị cần bám sát yêu cầu nêu tại {c} (đã ban hành) để tổ chức thực hiện."])
            c = self.cite(t, rel)
            return form.format(c=c, C=c[0].upper() + c[1:])
        forms = ["{V}, {a} {x}."] if rel in ("follows", "based_on") else ["{V}, {a} {x}.", "{A} cần {vc}; {x}.", "{A} có trách nhiệm {vc}, {x}."]
        form, vc, a = r.choice(forms), self.verb_cite(t, rel), self.actor()
        return form.format(V=vc[0].upper() + vc[1:], vc=vc, A=a, x=self.clause(),
                           a=a[0].lower() + a[1:] if a.startswith(("Các", "Thủ", "Người")) else a)

    def emit(self, *lines):
        for s in lines:
            self.out.append(s)
            self.size += len(s.encode()) + 1

    def fill(self, s):
        return s.format(**self.ctx, pct=self.r.randint(60, 100), n=self.r.randint(3, 120), m=self.r.randint(150, 4000),
                        dd=self.r.randint(1, 28), mm=self.r.randint(1, 12), q=self.r.randint(1, 4))

    def local(self, s):
        if self.u["kind"] == "committee":
            s = s.replace("Đảng ủy khối", self.u["short"]).replace("Đảng bộ khối", self.u["org"])
        return s

    def actor(self):
        return self.fill(self.r.choice(self.actors))

    def clause(self):
        return self.local(self.r.choice(SEED["tails"]))

    def sentence(self):
        r, x = self.r, self.r.random()
        if x < 0.35:
            return self.local(r.choice(SEED["sents"]))
        if x < 0.55:
            return self.local(r.choice(SEED["heads"]) + "; " + "; ".join(r.choice(SEED["tails"]) for _ in range(r.randint(1, 2))) + ".")
        if x < 0.7:
            return self.fill(f"{self.actor()} {r.choice(ACTIONS)} {r.choice(OBJECTS)}, {r.choice(DEADLINES)}.")
        if x < 0.9:
            nps = r.sample(NPS, r.randint(1, 3))
            return f"{r.choice(NP_VERBS)} {', '.join(nps)}; {r.choice(GOALS)}."
        if x < 0.94:
            return f"Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy, chính quyền đối với {self.m['subject']}."
        return self.fill(r.choice(TEMPLATES))

    def paragraph(self):
        r = self.r
        parts = [self.sentence() for _ in range(r.randint(1, 4))]
        if self.pending and r.random() < self.cite_p:
            parts.insert(r.randint(0, len(parts)), self.cite_sentence(*self.pending.pop(0)))
        if r.random() < self.rare_p:
            parts.append(r.choice(RARE))
            self.rare_p = 0
        return " ".join(parts)

    def block(self, budget):
        """Paragraphs, "- "/"+ " bullets and a) b) items until `budget` more bytes are written."""
        r, end = self.r, self.size + budget - 150
        while True:
            x = r.random()
            if x < 0.6:
                self.emit(self.paragraph(), "")
            elif x < 0.85:
                mark = "-" if r.random() < 0.75 else "+"
                for _ in range(r.randint(2, 4)):
                    self.emit(f"{mark} {self.local(r.choice(SEED['bullets']))}{r.choice([';', '.', ''])}", "")
            else:
                for k in range(r.randint(2, 4)):
                    self.emit(f"{'abcd'[k]}) {self.sentence()}", "")
            if self.size >= end or self.size > self.cap:
                return

    def section_list(self):
        t = self.m["type"]
        if t in ("KH", "CTr", "HD"):
            return [("MỤC ĐÍCH, YÊU CẦU", 0.15, ["Mục đích", "Yêu cầu"])] + \
                   ([("MỤC TIÊU, CHỈ TIÊU", 0.15, ["Mục tiêu", "Các chỉ tiêu chủ yếu"])] if t == "CTr" else []) + \
                   [("NỘI DUNG HƯỚNG DẪN" if t == "HD" else "NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP", 0.55, None),
                    ("TỔ CHỨC THỰC HIỆN", 0.15, [])]
        if t == "NQ":
            return [("TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN", 0.25, None), ("QUAN ĐIỂM, MỤC TIÊU", 0.15, ["Quan điểm", "Mục tiêu"]),
                    ("NHIỆM VỤ VÀ GIẢI PHÁP", 0.45, None), ("TỔ CHỨC THỰC HIỆN", 0.15, [])]
        if t == "BC":
            return [("ĐẶC ĐIỂM TÌNH HÌNH", 0.15, []), ("KẾT QUẢ THỰC HIỆN", 0.5, None),
                    ("HẠN CHẾ, NGUYÊN NHÂN", 0.15, ["Hạn chế", "Nguyên nhân"]), ("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", 0.2, None)]
        return [(None, 1.0, None)]  # CT, KL, TB: numbered points only

    def body_sections(self, budget):
        r, secs = self.r, self.section_list()
        if budget < 1200 * len(secs):  # short document: its main part only
            secs = [(None, 1.0, None)]
        for si, (title, share, subs) in enumerate(secs):
            if title:
                self.emit(f"{'I II III IV V'.split()[si]}. {title}", "")
            end = self.size + budget * share
            if subs is None:  # free-form numbered subsections with seed headings
                k = 0
                while self.size < min(end - 200, self.cap) or k == 0:
                    k += 1
                    self.emit(f"{k}. {self.local(r.choice(SEED['headings']))}", "")
                    self.block(min(end - self.size, r.uniform(0.1, 0.4) * budget * share + 300))
            elif subs:
                for k, s in enumerate(subs, 1):
                    self.emit(f"{k}. {s}", "")
                    self.block((end - self.size) / (len(subs) - k + 1))
            else:
                sep = r.choice([". ", "- "])
                k = 0
                while self.size < min(end, self.cap) or k == 0:
                    k += 1
                    self.emit(f"{k}{sep}{self.actor()} {self.local(r.choice(SEED['tails']))}.", "")

    def articles(self, budget):
        r, m, u = self.r, self.m, self.u
        state = u["sector"] == "state"
        if state:
            self.emit(f"GIÁM ĐỐC {u['lines'][1]}" if u["kind"] == "so" else f"{u['body']} {u['lines'][1]}", "")
            self.emit("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;" if m["date"].year > 2015 else
                      "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;", "")
        else:
            self.emit(f"BAN THƯỜNG VỤ {u['body']}" if u["kind"] == "committee" else u["body"], "")
            self.emit("- Căn cứ Điều lệ Đảng;", "", f"- Căn cứ Quy chế làm việc của {u['short']};", "")
        for t, rel in self.pending_basis:
            vc = self.verb_cite(t, "based_on")
            self.emit(f"{'' if state else '- '}{vc[0].upper()}{vc[1:]};", "")
        self.pending_basis = []
        if m["type"] == "QĐ":
            self.emit(f"Theo đề nghị của {u['ban']}," if state else f"- Xét đề nghị của {u['ban']},", "", "QUYẾT ĐỊNH:", "",
                      f"Điều 1. Ban hành kèm theo Quyết định này Quy chế về {m['subject']}.", "")
        else:
            self.emit(f"{u['short']} quy định như sau:", "", "Điều 1. Phạm vi, đối tượng điều chỉnh", "",
                      f"Quy định này quy định về {m['subject']}.", "")
        k, end = 1, min(self.size + budget - 350, self.cap)
        while self.size < end:
            k += 1
            self.emit(f"Điều {k}. {self.local(r.choice(SEED['headings']))}", "")
            self.block(min(end - self.size, r.uniform(300, 1500)))
        last = f"Điều {k + 1}. {TYPE_NAMES[m['type']]} này có hiệu lực kể từ ngày ký"
        if m["amend"] and m["amend"][1] in ("replaces", "repeals"):
            last += " và " + self.verb_cite(*m["amend"])
        self.emit(last + ".", "")
        who = "Chánh Văn phòng, Giám đốc các sở, ban, ngành" if state else "Các cấp ủy, tổ chức đảng, các ban, Văn phòng"
        self.emit(f"Điều {k + 2}. {who} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành {TYPE_NAMES[m['type']].lower()} này./.", "")

    def signature(self):
        """Receivers ("Nơi nhận") and signature block."""
        r, u = self.r, self.u
        state = u["sector"] == "state"
        rec = ["Như trên;", f"{u['sup']} (b/c);", "Các đồng chí cấp ủy viên;", f"Các ban, Văn phòng {u.get('cm', u['short'])};",
               "Các chi bộ, đảng bộ cơ sở;"] if not state else \
              ["Như trên;", "Văn phòng Chính phủ;", "Bộ Tư pháp (Cục Kiểm tra VBQPPL);",
               "Thường trực Tỉnh ủy;", "Thường trực HĐND tỉnh;", "Chủ tịch, các PCT UBND tỉnh;"]
        tail = ["Nơi nhận:", "", *["- " + x for x in rec[: r.randint(2, len(rec))]],
                f"- Lưu: VT, {r.choice(u.get('depts', [u['code']]))}.", *(["(" + r.choice(GIVENS) + "/VP)"] if r.random() < 0.2 else []), ""]
        if u["kind"] == "ban":
            sig = [u["chief"]] if r.random() < 0.5 else [f"K/T {u['chief']}", f"PHÓ {u['chief']}"]
        elif u["kind"] == "committee":
            sig = [f"T/M {r.choice(['BAN THƯỜNG VỤ', u['body']])}", r.choice(["BÍ THƯ", "PHÓ BÍ THƯ"])]
        elif u["kind"] == "hdnd":
            sig = ["CHỦ TỊCH"]
        elif u["kind"] == "so":
            sig = ["GIÁM ĐỐC"] if r.random() < 0.5 else ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
        else:
            sig = ["TM. ỦY BAN NHÂN DÂN"] + (["CHỦ TỊCH"] if r.random() < 0.4 else ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        name = f"{r.choice(SURNAMES)} {r.choice(MIDDLES)} {r.choice(GIVENS)}"
        return tail + sig + (["(Đã ký)"] if r.random() < 0.2 else ["", ""]) + ["", name]

    def render(self):
        r, m, u = self.r, self.m, self.u
        t, d = m["type"], m["date"]
        state = u["sector"] == "state"
        self.pending = list(m["extras"])
        parent = m["parent"]
        articles = t in ("QĐ", "QĐi") and (state or r.random() < 0.7)
        self.pending_basis = [x for x in self.pending if x[1] == "based_on"] if articles else []
        self.pending = [x for x in self.pending if x not in self.pending_basis]
        if articles and parent is not None:
            self.pending_basis.insert(0, (parent, "based_on"))
            parent = None
        self.cite_p = min(1.0, 1.5 * len(self.pending) * 350 / max(m["size"], 1000))
        self.rare_p = 0.2 if r.random() < 0.06 else 0
        # header
        num = m["number"].replace("-", " - ", 1) if not state and r.random() < 0.12 else m["number"]
        so = f"Số: {num}" if state or r.random() < 0.5 else f"Số {num}"
        dd, mm = (f"{d.day:02d}", f"{d.month:02d}") if r.random() < 0.5 else (d.day, d.month)
        placeline = f"{u['place']}, ngày {dd} tháng {mm} năm {d.year}"
        left = list(u["lines"]) + (["*"] if not state and r.random() < 0.3 else ["-------"] if state and r.random() < 0.5 else [])
        right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"] if state else ["ĐẢNG CỘNG SẢN VIỆT NAM"]
        if r.random() < 0.3:
            right.append("---------------")
        if r.random() < 0.1:
            left = ["**" + left[0]] + left[1:-1] + [left[-1] + "**"]
        if r.random() < 0.35:
            self.emit(*left, "", so, "", *right, placeline, "")
        else:
            self.emit(*left, "", *right, placeline, "", so, "")
        # title
        if t == "CV":
            title = f"{self.verb_cite(parent, r.choice(['disseminates', 'implements']))}" if parent is not None \
                else f"{r.choice(['triển khai', 'báo cáo kết quả', 'tăng cường'])} công tác về {m['subject']}"
            self.emit(*wrap("V/v " + title, r), "", "Kính gửi:", "")
            rec = ["Các đồng chí Ủy viên Ban Chấp hành;", "Các chi bộ, đảng bộ cơ sở trực thuộc;", "Các phòng chuyên môn, đơn vị trực thuộc."] \
                if not state else ["Các sở, ban, ngành tỉnh;", "Ủy ban nhân dân các huyện, thành phố;", "Các cơ quan, đơn vị có liên quan."]
            self.emit(*["- " + x for x in rec[: r.randint(1, 3)]], "")
        else:
            if m["amend"] and m["amend"][1] == "amends":
                title = self.verb_cite(*m["amend"])
            elif parent is not None:
                title = ("sơ kết, tổng kết việc " if t == "BC" else "") + self.verb_cite(parent, "implements")
            else:
                title = f"về {'việc ban hành Quy chế về ' if t == 'QĐ' else ''}{m['subject']}"
            self.emit(HEADING[t], *wrap(title, r), "")
        # body, sized so that the whole document comes close to m["size"] bytes
        tail = self.signature()
        tail_size = sum(len(x.encode()) + 1 for x in tail)
        scale = {"unaccented": 0.82, "nfd": 1.22}.get(m["variant"], 1.0)  # bytes after the variant's transform
        budget = m["size"] / scale - self.size - tail_size - 150 - 250 * len(self.pending + self.pending_basis)
        self.cap = self.size + budget + 500
        if articles:
            self.articles(budget)
        else:
            if parent is not None and t == "CV":  # the seed's cover letter
                got = d - timedelta(days=r.randint(1, 6))
                self.emit(f"Ngày {got.day:02d}/{got.month}/{got.year}, {u['short']} nhận được {self.cite(parent, 'mentions', full=True)}.", "",
                          f"{u['short']} {self.verb_cite(parent, 'disseminates')} đến các đồng chí cấp ủy viên, các chi bộ, "
                          "đơn vị trực thuộc; đề nghị các đơn vị, các đồng chí nghiên cứu, quán triệt và triển khai thực hiện.", "")
            elif parent is not None:
                rel = "guides" if t == "HD" else r.choice(["implements", "disseminates", "follows"])
                vc = self.verb_cite(parent, rel, full=True)
                what = "báo cáo kết quả thực hiện" if t == "BC" else f"{r.choice(['xây dựng', 'ban hành', 'đề ra'])} {TYPE_NAMES[t].lower()}"
                self.emit(f"{vc[0].upper() + vc[1:]}, {u['short']} {what} "
                          f"{r.choice(['như sau', 'với những nội dung chủ yếu như sau', 'cụ thể như sau'])}:", "")
            if t in ("KL", "TB", "CT"):
                self.emit({"KL": f"Ban Thường vụ {u['short']} kết luận như sau:",
                           "TB": f"Thường trực {u['short']} thông báo ý kiến chỉ đạo như sau:",
                           "CT": f"Để thực hiện tốt {m['subject']}, {u['short']} yêu cầu các cơ quan, đơn vị thực hiện tốt một số nhiệm vụ sau:"}[t], "")
            if t == "CV":
                end = self.size + budget - 100
                self.emit(self.paragraph(), "")
                while self.size < end:
                    self.emit(self.paragraph(), "")
                self.emit(self.fill(r.choice(CV_SENTS)), "")
            else:
                self.body_sections(budget)
        while (self.size + tail_size) * scale < 1100:  # no document under 1 KB
            self.emit(self.paragraph(), "")
        if m["amend"] and m["amend"][1] != "amends" and not articles:
            vc = self.verb_cite(*m["amend"])
            self.emit(f"{TYPE_NAMES[t]} này {vc}.", "")
        while self.pending:  # citations not placed yet
            self.emit(self.cite_sentence(*self.pending.pop(0)), "")
        if t != "CV" and r.random() < 0.6:
            self.emit(f"Trên đây là {TYPE_NAMES[t].lower()} {r.choice(['về ' + m['subject'], 'của ' + u['short']])}, "
                      f"đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.", "")
        self.emit(*tail)
        text = "\n".join(self.out) + "\n"
        text = {"unaccented": strip_marks, "nfd": lambda s: unicodedata.normalize("NFD", s),
                "oldtone": old_tone}.get(m["variant"], lambda s: s)(text)
        return text, title

def wrap(s, r, width=62):
    """Split a title over lines like a converted document; never inside "84 - CV/ĐU"."""
    if r.random() < 0.6 or len(s) <= width:
        return [s]
    lines, cur = [], ""
    for w in s.split(" "):
        if cur and len(cur) + len(w) > width and w != "-" and not cur.endswith(" -"):
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return lines + [cur]

def render(i):
    doc = Doc(i)
    text, title = doc.render()
    data = text.encode("utf-8")
    name = f"{i:06d}_{hashlib.blake2b(data, digest_size=8).hexdigest()}.txt"
    (OUT / name).write_bytes(data)
    return name, len(data), title, doc.cites

# ----------------------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--count", required=True, type=int)
    ap.add_argument("--seed", default="1")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--seed-file", type=Path, default=next((p for p in SEED_DEFAULTS if p.exists()), None))
    a = ap.parse_args()
    t0 = time.time()
    seed_pools = load_seed(a.seed_file)
    seed_pools["seed"] = a.seed
    units = build_units()
    docs = plan(a.count, a.seed, units)
    a.out.mkdir(parents=True, exist_ok=True)
    t1 = time.time()
    init(units, docs, seed_pools, a.out)
    with Pool(a.jobs) as pool, open(a.out / "ground_truth.jsonl", "w", encoding="utf-8") as gt:
        results = list(pool.imap(render, range(a.count), chunksize=64))
        names = [x[0] for x in results]
        for i, (name, size, title, cites) in enumerate(results):
            m, u = docs[i], units[docs[i]["unit"]]
            for c in cites:
                c["target"] = names[c["target"]] if c["target"] is not None else None
            gt.write(json.dumps(dict(file=name, number=m["number"], type=m["type"], type_name=TYPE_NAMES[m["type"]],
                                     issuer=u["code"], issuer_name=u["name"], province=u["province"], sector=u["sector"],
                                     date=m["date"].isoformat(), place=u["place"], title=title, variant=m["variant"],
                                     bytes=size, citations=cites), ensure_ascii=False) + "\n")
    dt, sizes = time.time() - t0, [x[1] for x in results]
    total = sum(sizes)
    print(f"{a.count} documents, {total / 1e6:.1f} MB (mean {total / max(a.count, 1) / 1e3:.1f} KB, "
          f"min {min(sizes, default=0)} B, max {max(sizes, default=0)} B) in {dt:.1f} s "
          f"(plan {t1 - t0:.1f} s, {a.jobs} workers, {total / 1e6 / dt:.1f} MB/s) -> {a.out}", file=sys.stderr)

if __name__ == "__main__":
    main()
