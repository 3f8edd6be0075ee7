"""A fixed small corpus for relevance tests: the site's 20 questions, four provisions, one tree.

Written for these tests (not the fixtures), so editing site content never moves a test.
"""

from django.utils import timezone

ARTICLES = [
    (
        "wangdai-yuqi-huabei-hui-tingyong-ma",
        "网贷逾期了，花呗会被停用吗？",
        "wangdai",
        "网贷逾期本身不会直接让花呗停用，但逾期上报征信后，花呗可能降额或暂停。",
        "其他平台的借款逾期，支付宝看不到实时数据；但逾期记录进入征信报告后，花呗的风控可能调低额度。",
    ),
    (
        "jiebei-yuqi-huabei-hai-neng-yong-ma",
        "借呗逾期了，花呗还能用吗？",
        "jiebei",
        "借呗和花呗同属一个账户体系，借呗逾期后花呗通常会被暂停使用，还清后再逐步恢复。",
        "借呗逾期期间，花呗额度一般会冻结。还清欠款后，额度恢复需要时间。",
    ),
    (
        "jiebei-yuqi-houguo",
        "借呗逾期会有哪些后果？",
        "jiebei",
        "借呗逾期会按日计收罚息，影响芝麻信用，逾期时间长了还会上报征信，并可能被催收或起诉。",
        "蚂蚁借呗的借款合同约定了逾期罚息。逾期后平台会提醒还款，长期不还可能委托催收或起诉。",
    ),
    (
        "huabei-yuqi-zenme-ban",
        "花呗逾期了怎么办？",
        "jiebei",
        "花呗逾期后尽快还清，并保留还款凭证；一两天的短期逾期通常影响不大。",
        "花呗逾期会产生逾期费用。尽快还款，可以在支付宝联系客服说明情况。",
    ),
    (
        "xinyongka-yuqi-houguo",
        "信用卡逾期会怎样？",
        "xinyongka",
        "信用卡逾期的后果：产生利息和违约金，银行会催收，逾期记录会进入征信报告。",
        "银行对信用卡透支逾期计收利息，并按合同收取违约金。长期逾期银行可能起诉。",
    ),
    (
        "yuqi-duojiu-shang-zhengxin",
        "逾期多久会上征信？",
        "zhengxin",
        "只要逾期，机构就可以按月报送，没有统一的宽限天数；部分银行给几天宽限期。",
        "征信报送一般按月进行。报送机构在首次报送不良信息前应当通知本人。",
    ),
    (
        "buliang-jilu-baoliu-duojiu",
        "征信上的不良记录会保留多久？",
        "zhengxin",
        "不良记录自不良行为终止之日起保存5年，超过5年的应当删除。",
        "还清欠款之日起算，不良信息在征信报告中保留5年，到期自动删除。",
    ),
    (
        "zhengxin-yiyi-shenqing",
        "征信记录有错，怎么提出异议？",
        "zhengxin",
        "认为征信记录有错误的，可以向征信中心或报送机构提出异议，要求核查更正。",
        "提出异议时附上身份证明和证据。征信中心应当在规定期限内答复。",
    ),
    (
        "zhengxin-xiufu-pianju",
        "花钱“征信修复”能消除逾期记录吗？",
        "zhengxin",
        "不能。真实的逾期记录不能花钱删除，所谓征信修复多是收费骗局。",
        "只有错误的记录可以通过异议更正。声称能洗白征信的中介收取高额费用。",
    ),
    (
        "mianfei-chaxun-zhengxin-baogao",
        "怎样免费查询自己的征信报告？",
        "zhengxin",
        "个人每年可以免费查询两次本人信用报告，可在征信中心网站或银行网点查询。",
        "带身份证到人民银行分支机构或商业银行网点，也可以通过网上银行查询信用报告。",
    ),
    (
        "baoli-cuishou-zenme-ban",
        "遇到暴力催收怎么办？",
        "cuishou",
        "遇到暴力催收，保留录音和截图，向平台投诉，必要时报警。",
        "催收人员使用暴力、威胁或恐吓的，可以报警；情节严重的可能构成犯罪。",
    ),
    (
        "cuishou-lianxi-qinyou-hefa-ma",
        "催收打电话给通讯录里的亲友，合法吗？",
        "cuishou",
        "催收人员联系与债务无关的亲友、家人并透露欠款情况，侵犯个人信息，可以投诉。",
        "平台读取通讯录后联系你的家人和同事，违反个人信息保护的规定。",
    ),
    (
        "jiekuan-pingtai-geren-xinxi",
        "借款平台能随意使用我的个人信息吗？",
        "cuishou",
        "不能。借款平台处理个人信息需要取得同意，不得超出约定范围使用或泄露。",
        "平台泄露或出售个人信息的，可以向监管部门投诉并要求删除。",
    ),
    (
        "jiekuan-lilv-shangxian",
        "借款利率多高就不受法律保护？",
        "lixi",
        "民间借贷利率超过合同成立时一年期贷款市场报价利率四倍的部分，不受法律保护。",
        "利率上限以一年期LPR的四倍计算，超出的利息可以拒绝支付。",
    ),
    (
        "kantouxi-zenme-suan",
        "被扣了“砍头息”，本金该按多少算？",
        "lixi",
        "借款时被预先扣除的利息即砍头息，本金按实际到手的金额计算。",
        "借款的利息不得预先在本金中扣除，应当按照实际借款数额返还借款并计算利息。",
    ),
    (
        "jiekuan-hetong-geshi-tiaokuan",
        "借款合同里的条款不公平，怎么办？",
        "lixi",
        "平台单方拟定的格式条款，加重你的责任、排除你的权利的，可以主张无效。",
        "格式条款提供方应当提示说明。不公平的合同条款可以向法院主张无效。",
    ),
    (
        "xieshang-fenqi-yanqi",
        "还不上钱，能和平台协商分期或延期吗？",
        "xieshang",
        "可以主动联系平台协商分期还款或延期还款，平台没有必须同意的义务。",
        "协商时说明收入变化，提出可行的还款计划，并保留协商记录。",
    ),
    (
        "bei-qisu-zenme-ban",
        "因为欠款被起诉了，怎么办？",
        "xieshang",
        "收到法院传票后按时应诉，核对欠款金额和利息，不要缺席。",
        "被起诉后可以提交答辩状，对过高的利息和费用提出抗辩，也可以申请调解。",
    ),
    (
        "shoudao-lvshihan-zenme-ban",
        "收到“律师函”或催收函，怎么办？",
        "xieshang",
        "律师函不是法院文书，没有强制力；核实欠款真实性后再决定是否协商。",
        "催收函常用吓人的措辞。可以查询发函律所是否真实存在。",
    ),
    (
        "qian-wangdai-hui-zuolao-ma",
        "欠网贷还不上，会坐牢吗？",
        "xieshang",
        "单纯欠网贷还不上属于民事纠纷，不会因此坐牢；骗取贷款或拒不执行判决另当别论。",
        "借款时提供真实信息、确实无力偿还的，是民事债务，不构成犯罪。",
    ),
]

CATEGORIES = {
    "wangdai": "网贷",
    "jiebei": "借呗与花呗",
    "xinyongka": "信用卡",
    "zhengxin": "征信记录",
    "cuishou": "催收与维权",
    "lixi": "利息与费用",
    "xieshang": "协商与诉讼",
}

SYNONYMS = [
    ("会怎样", "后果、影响"),
    ("征信", "信用报告"),
    ("逾期", "拖欠、欠款"),
    ("砍头息", "预先扣除利息"),
]

PROVISIONS = [
    (
        "minfadian",
        "民法典",
        "中华人民共和国民法典",
        675,
        0,
        "第六百七十五条",
        "借款人应当按照约定的期限返还借款。对借款期限没有约定或者约定不明确，依据本法第五百一十条的规定仍不能确定的，借款人可以随时返还；贷款人可以催告借款人在合理期限内返还。",
    ),
    (
        "minfadian",
        "民法典",
        "中华人民共和国民法典",
        670,
        0,
        "第六百七十条",
        "借款的利息不得预先在本金中扣除。利息预先在本金中扣除的，应当按照实际借款数额返还借款并计算利息。",
    ),
    (
        "zhengxin-tiaoli",
        "征信业管理条例",
        "征信业管理条例",
        16,
        0,
        "第十六条",
        "征信机构对个人不良信息的保存期限，自不良行为或者事件终止之日起为5年；超过5年的，应当予以删除。\n在不良信息保存期限内，信息主体可以对不良信息作出说明，征信机构应当予以记载。",
    ),
    (
        "xingfa",
        "刑法",
        "中华人民共和国刑法",
        293,
        1,
        "第二百九十三条之一",
        "有下列情形之一，催收高利放贷等产生的非法债务，情节严重的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金：\n（一）使用暴力、胁迫方法的；\n（二）限制他人人身自由或者侵入他人住宅的；\n（三）恐吓、跟踪、骚扰他人的。",
    ),
]


def build_corpus() -> dict:
    """Create the corpus through the models (so the index follows by itself); returns objects by key."""
    from kb.articles.models import Article, Category
    from kb.guide.models import Node, Tree
    from kb.laws.models import Law, Provision
    from kb.search.models import Synonym

    for term, synonyms in SYNONYMS:
        Synonym.objects.create(term=term, synonyms=synonyms)

    objects: dict = {}
    categories = {
        key: Category.objects.create(name=name, slug=f"c-{key}") for key, name in CATEGORIES.items()
    }
    when = timezone.now() - timezone.timedelta(days=30)
    for i, (slug, title, cat, short, body) in enumerate(ARTICLES):
        objects[slug] = Article.objects.create(
            slug=slug,
            title=title,
            short_answer=short,
            body=f"## 要点\n\n{body}",
            category=categories[cat],
            status=Article.Status.PUBLISHED,
            published_at=when + timezone.timedelta(hours=i),
        )
    laws: dict = {}
    for law_slug, short, full, number, sub, label, text in PROVISIONS:
        if law_slug not in laws:
            laws[law_slug] = Law.objects.create(
                slug=law_slug,
                title=full,
                short_title=short,
                kind=Law.Kind.LAW,
                source="测试",
            )
        key = f"{law_slug}/{number}" + (f"-{sub}" if sub else "")
        objects[key] = Provision.objects.create(
            law=laws[law_slug],
            number=number,
            sub_number=sub,
            label=label,
            text=text,
            order=number,
        )
    tree = Tree.objects.create(
        slug="cuishou-saorao-zenme-ban",
        title="遇到催收骚扰怎么办？",
        intro="回答几个问题，看看催收骚扰时你能做什么。",
        status=Tree.Status.PUBLISHED,
    )
    Node.objects.create(tree=tree, slug="start", title="催收的人做了什么？", is_start=True)
    objects["guide/cuishou-saorao-zenme-ban"] = tree
    return objects
