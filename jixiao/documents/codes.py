"""The diagnostics readers emit, registered in one place.

Each has a permanent code (never reused), a severity and a message template with named slots. The review
engine turns them into findings; ``docs/diagnostics.md`` is generated from this table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import Diagnostic, Location, Severity
from jixiao.model.wording import Phrase, slots_of

__all__ = ["DiagnosticKind", "KINDS", "diagnostic", "registered"]


@dataclass(frozen=True, slots=True)
class DiagnosticKind:
    """A kind of reader diagnostic."""

    code: str
    severity: Severity
    template: str
    explanation: str


def registered(kinds: Sequence[DiagnosticKind]) -> dict[str, DiagnosticKind]:
    """The kinds by code; a code given twice is refused (two branches each taking the next free code would otherwise
    leave one kind silently replaced by the other)."""
    codes = [kind.code for kind in kinds]
    if twice := sorted({code for code in codes if codes.count(code) > 1}):
        raise ValueError(f"diagnostic codes registered twice: {', '.join(twice)}")
    return {kind.code: kind for kind in kinds}


KINDS: dict[str, DiagnosticKind] = registered([
        DiagnosticKind("P101", Severity.ERROR, "没有找到指标表头（一级指标、二级指标、三级指标、指标值）",
                       "表格中没有能识别的指标表头行，指标无法读取。"),
        DiagnosticKind("P102", Severity.WARNING, "本行的单元格与表头的列不能一一对应，已按内容对齐：{how}",
                       "合并单元格在导出时被丢弃，或文本没有分隔符，读取程序根据一级、二级指标的固定名称和指标值的形式判断各单元格所在的列。"),
        DiagnosticKind("P103", Severity.ERROR, "本行有{found}个单元格，无法与{expected}列的表头对齐，已跳过：{text}",
                       "（已停用：读取程序不再跳过行，多余的单元格以 P113 报告。代码保留，不再复用。）"),
        DiagnosticKind("P104", Severity.WARNING, "一级指标“{value}”不是标准指标体系中的名称",
                       "一级指标应为产出指标、效益指标、满意度指标或成本指标。"),
        DiagnosticKind("P105", Severity.WARNING, "二级指标“{value}”不是标准指标体系中的名称",
                       "二级指标应取自标准指标体系（数量指标、质量指标、时效指标等）。"),
        DiagnosticKind("P106", Severity.ERROR, "“{field}”的值“{value}”不是数字",
                       "金额、比例等应填写数字。"),
        DiagnosticKind("P107", Severity.WARNING, "资金支出计划有{labels}个时间点，却有{values}个比例",
                       "资金支出计划的时间点和比例应一一对应。"),
        DiagnosticKind("P108", Severity.WARNING, "本行没有三级指标和指标值，未读作指标：{text}",
                       "指标行应至少有三级指标名称或指标值。"),
        DiagnosticKind("P109", Severity.INFO, "文件不是 UTF-8 编码，已按 {encoding} 读取",
                       "旧版 Windows 导出的文本文件常用 GBK/GB18030 编码。"),
        DiagnosticKind("P110", Severity.WARNING, "页面第{page}页没有文字层，可能是扫描件，已跳过",
                       "扫描的图片无法读取，请提供 Word、Excel 或带文字层的 PDF 文件。"),
        DiagnosticKind("P111", Severity.WARNING, "无法确定本行各单元格所属的列，按“{how}”理解",
                       "文本中的单元格没有分隔符，读取程序依据固定的指标名称和指标值的形式切分。"),
        DiagnosticKind("P154", Severity.WARNING, "本行连写的数字不能确定如何拆分，未读取：{readings}",
                       "单元格之间没有分隔符时，分值与得分等数字会连在一起；表头的列和合计都不能确定只有一种拆法时，"
                       "读取程序不猜测，请按原表核对后填写。"),
        DiagnosticKind("P156", Severity.INFO, "本行连写的数字“{run}”按本表的算术关系读作{reading}（依据：{constraints}），请核对",
                       "单元格之间没有分隔符时，分值与得分等数字会连在一起，可有几种拆法；只有一种拆法符合本表的关系"
                       "（得分不超过分值、各行填写相同的列、实际完成值与指标值相当、分值之和等于所标分值与总分等）时按它读取，"
                       "读到的数字标为推断，据此得出的审核结果也标为推断。"),
        DiagnosticKind("P113", Severity.WARNING, "本行有单元格无法归入表头的任何一列：{text}",
                       "行的单元格多于表头的列，且无法根据内容判断它们属于哪一列；内容没有丢弃，请核对原表。"),
        DiagnosticKind("P114", Severity.INFO, "表格在文件末尾（第{line}行）中断，最后一行可能不完整：{text}",
                       "文件在表格中间结束（网页或文档站只保存了部分内容）。已读取现有内容，最后一行的指标可能缺少指标值等单元格。"),
        DiagnosticKind("P120", Severity.INFO, "文本在表格中间结束（第{line}行），最后一行{where}被截断，未读作指标：{text}",
                       "网页或文档站只保存了部分内容，文本停在表格一行的中间：这一行在指标值一列之前或在某个单元格中间就结束了，"
                       "是被截断的行，不作为指标；已读取此前的各行。"),
        DiagnosticKind("P124", Severity.INFO, "文件在指标表的“{heading}”栏名处结束（第{line}行），各行的指标值等单元格在截断处之后，未能读到",
                       "PDF 的文字常按栏输出：先是各行的指标名称，再是指标值、分值等各栏。文件在名称之后、数值之前结束（文档站只保存了部分内"
                       "容），已读取各行的名称；审核时，没有指标值的各行不按漏填处理。如原表完整，请提供完整的文件。"),
        DiagnosticKind("P121", Severity.WARNING, "指标表的文字顺序混乱，{count}行只有名称、没有指标值等任何单元格，无法确定其所在的行和列，未读作指标：{text}",
                       "PDF 或表格的文字层把单元格拆成了碎片（表头、评分说明和指标的片段混在一起），读取程序无法还原各行。"
                       "这些片段不作为指标，以免审核对它们报告不存在的问题；请提供版式完整的文件或核对原表。"),
                DiagnosticKind("P122", Severity.WARNING, "表格只有分值、得分列，没有指标值或实际完成值列，是评价体系的评分表（项目决策、项目管理等），不是绩效指标表，{count}行未读作指标：{text}",
                       "财预〔2011〕285号等评价办法的评分表列出评价框架的各级指标及其分值、得分，没有绩效目标的指标值。"
                       "这些行不作为绩效指标，以免审核对它们报告不存在的问题；绩效指标请见文件中的绩效目标表或自评表。"),
        DiagnosticKind("P119", Severity.INFO, "指标表在文件末尾（第{line}行，指标“{name}”）结束，没有满意度指标：文件可能只保存了表格的前一部分",
                       "文本文件在指标表中间结束，且没有读到满意度指标（网页或文档站常只保存表格的前一部分）。审核时，"
                       "最后一行之后的一级、二级指标不按缺失处理；如原表完整，请提供完整的文件。"),
        DiagnosticKind("P123", Severity.WARNING, "自评表的{count}个指标都没有任何数字（分值、得分、指标值、实际完成值）：文件中的数字可能在转载时被去掉，读到的名称和各行可能不准确",
                       "绩效自评表按分值计分，每行都印有数字；整张表一个数字也没有，通常是文档站转载时去掉了全部数字，"
                       "原来由数字分隔的单元格因此连在一起，指标的名称和所在行可能读错。请提供原始文件后重新导入。"),
        DiagnosticKind("P157", Severity.WARNING, "没有数字的自评表中，“{name}”是几个指标的名称连在一起，按相同的结尾拆为{count}个指标：{names}，请核对",
                       "文档站转载时去掉了全部数字，原来由数字分隔的相邻指标名称会连成一个；同一组指标的名称结尾相同"
                       "（……人数、……人均资助），读取程序在每个相同结尾之后拆开，失去数字的“分”不计入名称。拆分是推断，请按原表核对。"),
        DiagnosticKind("P126", Severity.INFO, "指标表在第一行指标之前随文件结束（第{line}行，最后是“{text}”）：指标行都在截断处之后，未能读到",
                       "网页或文档站只保存了部分内容，文本停在指标表的表头中或表头之后的第一个一级、二级指标处。审核时不按“没有绩效指标”处理；"
                       "如原表完整，请提供完整的文件。"),
        DiagnosticKind("P125", Severity.INFO, "表中未写年度，按项目名称中的“{year}年”取年度",
                       "表头和标题都没有写预算年度，项目名称以年份开头（2023年雨露计划就学补助项目），按此取项目的年度，"
                       "导入时据此核对所选年度；如年份不是预算年度，请在导入后修改。"),
        DiagnosticKind("P180", Severity.INFO, "表中未写年度，按实施期“{span}”取年度",
                       "表头和标题都没有写预算年度，项目的实施期（起止时间）在同一年之内（2022年1月—12月），按此取项目的年度，"
                       "导入时据此核对所选年度；如实施期不是预算年度，请在导入后修改。"),
        DiagnosticKind("P181", Severity.INFO, "表中未写年度，按指标和目标中的时限（{year}年）取年度",
                       "表头、标题、项目名称和实施期都没有写预算年度，时效指标的指标值和年度目标所写的时限都在同一年"
                       "（2021年12月31日前完成、到2022年底），按此取项目的年度，导入时据此核对所选年度；如时限不在预算年度内，请在导入后修改。"),
        DiagnosticKind("P182", Severity.INFO, "表中未写年度，按{source}取年度",
                       "表格各处（标题、表头、项目名称、实施期、时限）都没有写预算年度，按所附通知下达资金的年度（关于下达2023年…资金的通知），"
                       "或目标表所在网页的发布日期（绩效目标在预算年度内公开）取项目的年度，导入时据此核对所选年度；如不是预算年度，请在导入后修改。"),
        DiagnosticKind("P190", Severity.INFO, "表中未写年度，按同一标题下上方项目“{name}”的{year}年取年度",
                       "一个标题下接连填了几个项目（项目名称之后的表头和指标再次出现），后面的项目没有自己的标题，也没有写预算年度："
                       "读取程序按它们所接续的、写有标题的表格的年度取年度，导入时据此核对所选年度；如不是同一年度，请在导入后修改。"),
        DiagnosticKind("P191", Severity.INFO, "“{field}”的金额“{value}”以中文大写数字书写，按{amount}读取",
                       "表中金额用大写数字（壹、贰、拾、佰、万）书写，读取程序换算为数字：整数万元的金额（拾贰万元）按万元读取，"
                       "其余（壹拾贰万叁仟元整）按元读取，再按表的金额单位换算。请按原表核对换算结果。"),
        DiagnosticKind("P183", Severity.WARNING, "年度指标栏没有填写三级指标和指标值，按中长期栏（“{heading}”及其指标值）读取指标",
                       "表中长期（中期）与年度两组指标并列，年度一组只填了二级指标或全空，三级指标和指标值都填在长期一组："
                       "读取程序把长期一组读作本表的指标，审核按其审核并报告年度指标缺失。请在年度栏填写当年的指标和指标值。"),
        DiagnosticKind("P184", Severity.INFO, "表中没有二级指标列，“{name}”印在{column}列，按二级指标“{level2}”读取，指标名称也是“{name}”",
                       "有的表（如运行监控表）只有一级指标和指标名称两列，指标名称一列写的是二级指标的简称（质量、时效、成本），"
                       "其中没有指标的一行只有这个名称。这一列的上方已有单独成行的二级指标名称时，读取程序把其后写有指标值的简称也读作二级指标，"
                       "指标名称也取这个简称；成本在2021年以后的指标体系中是一级指标，在此按本列读作二级指标。这是推断，请核对原表。"),
        DiagnosticKind("P185", Severity.INFO, "{count}行没有印出所属的一级、二级指标，按名称读作二级指标：{readings}",
                       "PDF 的文字常把合并单元格（一级、二级指标）印在表格各行之后，这些行读出来就没有指标级别，而同一表格的其他行有。"
                       "指标名称常说明它属于哪一组（……企业数量是数量指标，……及时性是时效指标）：读取程序按名称中的词取表中另行印出的二级指标，"
                       "两个同组的行之间、或第一个数量指标之前没有这种词的行也归入该组，其余的行不猜测。这是推断，请按原表核对。"),
        DiagnosticKind("P186", Severity.WARNING, "文件中有{count}个指标层级名称（{names}，第{line}行起），但没有找到指标表的表头和指标行，指标未读取",
                       "层级名称（产出指标、满意度指标(10分)等）单独成格出现，表头和各行却都找不到：通常是 PDF 的文字层把表格按栏、"
                       "倒序或交错输出，单元格的顺序已无法还原。读取程序不猜测各行的内容；请提供版式完整的文件或核对原表。"),
        DiagnosticKind("P187", Severity.INFO, "本行只有一个数字“{value}”，按上一行指标“{name}”的{column}读取",
                       "表格复制成文本时，单元格里换行的内容会单独成行：上一行没有写权重，本行紧接其后、只有一个不大于100的数字，"
                       "而表中其他各行都在权重一栏写了数字。读取程序把它读作上一行的权重；这是推断，请按原表核对。"),
        DiagnosticKind("P136", Severity.WARNING, "“{field}”写作“{value}”，金额单位与表中的“单位：{table}”不同，已按{table}换算为{amount}",
                       "表头的金额自带单位（如“20万元”），与表格标明的金额单位不一致。读取程序按表格的金额单位换算；请核对原表哪一个单位是对的。"),
        DiagnosticKind("P160", Severity.INFO, "表中只写了整个实施期的资金“{label}”{amount}，没有写当年的预算数，也没有写明实施期只有一年：预算数留空",
                       "表头只有项目总预算（中期资金总额）一栏，没有年度资金总额、项目当年预算等当年的预算数。整个实施期的资金不是当年的，"
                       "读取程序不猜测，预算数留空，实施期的资金另行保存；实施期只有一年（项目期1年）的，按当年的预算数读取。请在导入后填写当年的预算数。"),
        DiagnosticKind("P161", Severity.INFO, "表格之后的报告正文逐项重述了表中的{count}个指标（{names}），按表中的指标读取；正文另写的指标补入本表",
                       "自评报告在自评表之后，按一级、二级指标逐项写明各指标的目标值、实际完成值和完成率，其中既有表中已列的指标，"
                       "也有表中没有的（如时效、成本指标）。正文重述的指标与表中名称、目标值相同，是同一个指标，按表中的一行读取；"
                       "正文另写的指标补在表中各行之后。请核对正文与表格是否一致。"),
        DiagnosticKind("P137", Severity.WARNING, "文中写明的项目资金有多个不同的金额（{amounts}），未能确定哪一个是资金总额",
                       "表格没有资金总额一栏，正文以句子写出项目资金，但写了几个不同的金额。读取程序不猜测，资金总额留空；请在导入后填写。"),
        DiagnosticKind("P146", Severity.INFO, "资金表“{field}”一行的数字{values}后面带有乱码“{residue}”，已略去乱码读取",
                       "网页转载时，数字后面的不换行空格等字符常变成“?”或“�”。读取时只取其前的数字；请核对原表中该数字是否完整。"),
        DiagnosticKind("P147", Severity.INFO, "资金表的合计行没有填{fields}，按其下金额相同的“{label}”行读取",
                       "部门整体自评表的“年度总金额”行常只填金额，执行率、权重和得分写在其下的“其中：财政拨款”行；"
                       "两行的金额相同时，执行率等按该行读取。如两行金额不同，则不取，以免把部分资金的执行率当作全部资金的。"),
        DiagnosticKind("P148", Severity.WARNING, "资金表的{count}个栏目（{headings}）后面紧接着的数字与栏目对不上，无法确定其所属的栏目，未读取：{figures}",
                       "PDF 等文本中，资金表的栏目名称与数字连成一串，又没有行名；数字多于栏目（下一行的数字接在后面）或少于栏目"
                       "（空格丢失），又没有带%的执行率可以对齐时，只读取与第一个数相同的前几个数（年初预算数与全年预算数），其余不读。"
                       "网页转载的表格中各数字连成一串（如“101010100%”）时，按执行率 = 执行数 ÷ 预算数拆分；有几种拆法都说得通，"
                       "或没有一种说得通时，不猜测，整串不读。请核对原表。"),
        DiagnosticKind("P149", Severity.INFO, "表头没有填写资金总额，按表中列出的各项资金来源相加取{amount}",
                       "有的表只列资金来源（财政拨款小计、其中：财政拨款、其他资金），不单列“资金总额”，或总额一栏只写了“金额（万元）”等栏目名。"
                       "读取程序把财政拨款、其他资金及表中另列的来源（政府性基金、上年结转资金等）相加作为资金总额；表中如有未识别的来源（自有资金、事业收入）且不为零，请在导入后核对。"),
        DiagnosticKind("P151", Severity.INFO, "报告中的金额“{amount}”没有写单位，未读取",
                       "没有指标表的自评报告或通知按句子读取预算数、执行数和执行率，金额只在写明“万元”时读取；没有单位的金额"
                       "不读取，也不据以核对执行率。请对照原件补写单位。"),
        DiagnosticKind("P152", Severity.INFO, "文件中没有指标表，只按正文核对了{what}",
                       "自评报告或资金下达通知只用文字叙述时，读取程序不生成指标表，只读取正文中的预算数、执行数、执行率、日期和"
                       "文号供核对；指标的审核需要附件中的绩效目标表或自评表。"),
        DiagnosticKind("P158", Severity.WARNING, "资金表“{label}”一行有{count}个单元格不能归入任何栏目（在“{after}”栏之后），未读取：{cells}",
                       "资金表每一行的数字按栏目（年初预算数、全年预算数、全年执行数、分值、执行率、得分）对齐；“—”“-”“/”表示该栏为空，"
                       "仍占一栏。一行的单元格多于栏目（下一行的数字接在后面、行名在别处），或数字之后还有表中没有说明栏的文字时，"
                       "多出的单元格无法确定所属的栏目，不猜测，在此列出；请按原表核对。"),
        DiagnosticKind("P159", Severity.WARNING, "“{label}”一行的{values}不是数字，总分未读取",
                       "总分一行的得分写成了 NaN、Infinity、#DIV/0! 等（电子表格的公式出错或导出失败），不是数字。读取程序不从其余单元格"
                       "猜测总分（其中常有分值之和），总分留空；请按原表核对后填写。"),
        DiagnosticKind("P112", Severity.WARNING, "工作表“{name}”无法读取：{reason}",
                       "Excel 文件中的某个工作表损坏或格式异常。"),
        DiagnosticKind("P116", Severity.WARNING, "工作表“{name}”中隐藏的行或列有{count}个单元格未读取：{cells}",
                       "隐藏的行和列通常是模板的辅助内容，读取时跳过；如其中有需要的内容，请取消隐藏后重新导入。"),
        DiagnosticKind("P179", Severity.WARNING, "设为隐藏格式的文字未读取：{text}",
                       "Word 中设为隐藏格式的文字在正常视图和打印稿中都不显示，多是模板留给填表人的说明，读取时跳过；"
                       "如其中有表格的内容，请在 Word 中取消“隐藏”格式后重新导入。"),
        DiagnosticKind("P171", Severity.INFO, "修订记录中已删除的行未读取：{text}",
                       "文件保留了修订记录，这一行是在修订模式下删除的：Word 接受修订后不再显示，读取程序按接受修订后的表格"
                       "读取，不读作指标（只剩删除记录、没有任何内容的行也是如此）。如删除有误，请在 Word 中拒绝该修订后重新导入。"),
        DiagnosticKind("P178", Severity.WARNING, "嵌入的{what}无法读取",
                       "Word 文件中以对象方式嵌入的内容（如粘贴为对象的 Excel 工作表），或整篇嵌入的网页、Word 文档和纯文本以外的"
                       "另一文档（altChunk，如 .mht、.rtf，或嵌在表格单元格中的），不是 Word 表格，读取程序无法读出其中的文字，"
                       "其中的指标不会出现在读取结果中；请把内容粘贴为 Word 表格，或直接提供原 Excel 文件。"),
        DiagnosticKind("P176", Severity.WARNING, "指标表之后的一行像是指标，但已在表格之外，未读作指标：{text}",
                       "指标表在这一行之前已经结束（中间隔着说明文字、标题或合计等），这一行不在任何表头之下，无法确定各单元格"
                       "所属的栏目，不猜测；多见于一张表被分成两段、中间插了一行文字。请按原表核对，必要时把两段合成一张表后重新导入。"),
        DiagnosticKind("P177", Severity.WARNING, "工作表“{name}”中有{count}个公式没有保存计算结果，读作空白：{cells}",
                       "Excel 和 WPS 保存文件时会把公式的计算结果一并保存；由程序生成的文件常常只有公式、没有结果，这些单元格"
                       "读不出数值（合计、得分、执行率等常是公式）。请用 Excel 或 WPS 打开文件、保存后重新导入。"),
        DiagnosticKind("P150", Severity.INFO, "工作表“{name}”已隐藏，未读取",
                       "隐藏的工作表通常是模板的下拉选项或辅助数据，读取时跳过；如其中有需要的内容，请取消隐藏后重新导入。"),
        DiagnosticKind("P155", Severity.INFO, "自评表只读到资金部分（{headings}），没有读到绩效指标行",
                       "文件在资金表之后截断，或指标只用文字叙述、表中的行不是绩效指标（评价体系的框架行），读取程序只保留"
                       "资金表的预算数、执行数、执行率和得分供核对，表格并不完整。审核时不按“没有绩效指标”处理；"
                       "如原表完整，请提供完整的文件。"),
        DiagnosticKind("P153", Severity.INFO, "表中没有填写项目名称，按工作表名称读取为“{name}”",
                       "有的单位在一个工作簿中每个工作表放一个项目，只把项目名称写在工作表标签上，表中没有“项目名称”栏，"
                       "标题也不含项目名称。读取时以工作表名称作为项目名称；Sheet1、附表2、绩效目标表、目录等通用名称不作项目名称。"
                       "请核对项目名称是否完整。"),
        DiagnosticKind("P117", Severity.WARNING, "PDF 第{page}页已损坏，无法读取，已跳过",
                       "PDF 文件的某一页内容损坏，其余各页照常读取；请核对该页的内容。"),
        DiagnosticKind("P118", Severity.WARNING, "PDF 文件从第{page}页起已损坏，之后的页面无法读取",
                       "PDF 的页面目录损坏（常见于下载不完整的文件），只读取了此前的页面。"),
])


def diagnostic(code: str, location: Location, set_aside: Sequence[str] = (),
               **slots: str | int | Decimal | Phrase | None) -> Diagnostic:
    """Build the diagnostic ``code`` at ``location``, its template's named ``slots`` filled by data, never rendered
    here: each one cell text, name, figure or :class:`Phrase` (spliced in place), a count as its digits. ``set_aside``
    are the cells of the rows it says were not read as indicators (:attr:`Diagnostic.set_aside`). A text that
    gathered several cells of a line (a row's further cells, pipeline/outline.py) holds them joined by ｜: each is
    recorded as the cell it was."""
    kind = KINDS[code]
    if missing := sorted(slots_of(kind.template) - slots.keys()):
        raise ValueError(f"{code}: no value for {', '.join(missing)}")
    cells = tuple(cell for text in set_aside for cell in text.split("｜") if cell.strip())
    return Diagnostic.of(kind.template, {name: value if isinstance(value, str | Decimal | Phrase) else str(value)
                                         for name, value in slots.items()},
                         code=code, severity=kind.severity, location=location, set_aside=cells)


def render_markdown() -> str:
    """The reader diagnostics as a Markdown page (``docs/diagnostics.md`` is this, kept in step by a test)."""
    lines = [
        "# 读取诊断（reader diagnostics）",
        "",
        "读取文件时无法确定或需要推断的内容，以诊断形式报告，并注明文件、表格、行和列。本页由 "
        "`jixiao/documents/codes.py` 生成，请勿手工编辑（`python -m jixiao.documents.codes > docs/diagnostics.md`）。",
        "",
        "| 代码 | 级别 | 消息 | 说明 |",
        "|---|---|---|---|",
    ]
    for kind in KINDS.values():
        lines.append(f"| {kind.code} | {kind.severity.label} | {kind.template} | {kind.explanation} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(render_markdown(), end="")
