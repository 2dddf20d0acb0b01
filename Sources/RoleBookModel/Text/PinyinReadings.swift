/// Readings that the generated single-reading table (``CJKTables/pinyin``, one syllable per
/// character from ICU's Han-Latin transform) cannot give: words whose reading decides a
/// polyphonic character (会计 kuai-ji, not hui-ji), and every common reading of polyphonic
/// characters where no word decides. Written by hand (simplified forms; text is folded first),
/// toneless, `v` for ü. Only titles, aliases and department names are read, so the words are
/// the ones job titles and department names use.
package enum PinyinReadings {
    /// Words and their syllables, matched longest first from the left of a CJK run.
    package static let words: [String: [String]] = {
        var out: [String: [String]] = [:]
        for line in wordList.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard let word = fields.first, fields.count == word.count + 1 else { continue }
            out[word] = Array(fields.dropFirst())
        }
        return out
    }()

    /// The longest word of ``words``, in characters.
    package static let longestWord = words.keys.map(\.count).max() ?? 1

    /// Every reading of a polyphonic character, the most common first.
    package static let polyphones: [Unicode.Scalar: [String]] = {
        var out: [Unicode.Scalar: [String]] = [:]
        for line in polyphoneList.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 3, let scalar = fields[0].unicodeScalars.first else { continue }
            out[scalar] = Array(fields.dropFirst())
        }
        return out
    }()

    /// One word a line: the word, then one syllable per character.
    private static let wordList = """
        会计 kuai ji
        会计师 kuai ji shi
        财会 cai kuai
        会议 hui yi
        会员 hui yuan
        会所 hui suo
        会展 hui zhan
        宴会 yan hui
        工会 gong hui
        委员会 wei yuan hui
        银行 yin hang
        行长 hang zhang
        行业 hang ye
        行情 hang qing
        分行 fen hang
        支行 zhi hang
        总行 zong hang
        商行 shang hang
        车行 che hang
        琴行 qin hang
        行政 xing zheng
        行为 xing wei
        行程 xing cheng
        行李 xing li
        执行 zhi xing
        运行 yun xing
        进行 jin xing
        发行 fa xing
        旅行 lv xing
        出行 chu xing
        航行 hang xing
        行销 xing xiao
        行车 xing che
        组长 zu zhang
        班长 ban zhang
        店长 dian zhang
        厂长 chang zhang
        部长 bu zhang
        科长 ke zhang
        处长 chu zhang
        院长 yuan zhang
        校长 xiao zhang
        队长 dui zhang
        船长 chuan zhang
        机长 ji zhang
        站长 zhan zhang
        所长 suo zhang
        局长 ju zhang
        社长 she zhang
        馆长 guan zhang
        团长 tuan zhang
        股长 gu zhang
        室长 shi zhang
        线长 xian zhang
        楼长 lou zhang
        司长 si zhang
        车长 che zhang
        首长 shou zhang
        董事长 dong shi zhang
        秘书长 mi shu zhang
        成长 cheng zhang
        增长 zeng zhang
        生长 sheng zhang
        延长 yan chang
        长期 chang qi
        长度 chang du
        专长 zhuan chang
        特长 te chang
        长途 chang tu
        重要 zhong yao
        重点 zhong dian
        重大 zhong da
        严重 yan zhong
        重量 zhong liang
        重型 zhong xing
        贵重 gui zhong
        重复 chong fu
        重新 chong xin
        重建 chong jian
        重组 chong zu
        传递 chuan di
        传达 chuan da
        传真 chuan zhen
        传播 chuan bo
        传输 chuan shu
        宣传 xuan chuan
        传媒 chuan mei
        传记 zhuan ji
        调度 diao du
        调查 diao cha
        调研 diao yan
        调动 diao dong
        调拨 diao bo
        调派 diao pai
        调运 diao yun
        协调 xie tiao
        调整 tiao zheng
        调解 tiao jie
        调试 tiao shi
        调节 tiao jie
        调控 tiao kong
        调配 tiao pei
        调酒 tiao jiu
        调音 tiao yin
        调色 tiao se
        空调 kong tiao
        差旅 chai lv
        出差 chu chai
        差事 chai shi
        差异 cha yi
        差错 cha cuo
        差价 cha jia
        差距 cha ju
        差额 cha e
        偏差 pian cha
        误差 wu cha
        收藏 shou cang
        储藏 chu cang
        冷藏 leng cang
        隐藏 yin cang
        宝藏 bao zang
        西藏 xi zang
        藏族 zang zu
        音乐 yin yue
        乐器 yue qi
        乐队 yue dui
        乐团 yue tuan
        声乐 sheng yue
        器乐 qi yue
        快乐 kuai le
        娱乐 yu le
        康乐 kang le
        俱乐部 ju le bu
        方便 fang bian
        便利 bian li
        便捷 bian jie
        便民 bian min
        顺便 shun bian
        便利店 bian li dian
        便宜 pian yi
        处理 chu li
        处置 chu zhi
        处罚 chu fa
        办事处 ban shi chu
        干部 gan bu
        干事 gan shi
        干洗 gan xi
        数据 shu ju
        数量 shu liang
        数控 shu kong
        种植 zhong zhi
        种子 zhong zi
        品种 pin zhong
        种类 zhong lei
        供应 gong ying
        供给 gong ji
        提供 ti gong
        供应链 gong ying lian
        应急 ying ji
        应收 ying shou
        应付 ying fu
        应聘 ying pin
        响应 xiang ying
        结算 jie suan
        结构 jie gou
        角色 jue se
        主角 zhu jue
        效率 xiao lv
        汇率 hui lv
        税率 shui lv
        率领 shuai ling
        校对 jiao dui
        校准 jiao zhun
        校验 jiao yan
        学校 xue xiao
        参加 can jia
        参与 can yu
        参考 can kao
        人参 ren shen
        首都 shou du
        都市 du shi
        弹性 tan xing
        弹簧 tan huang
        子弹 zi dan
        解说 jie shuo
        解决 jie jue
        单位 dan wei
        单据 dan ju
        订单 ding dan
        称重 cheng zhong
        称号 cheng hao
        模具 mu ju
        模样 mu yang
        模型 mo xing
        模式 mo shi
        规模 gui mo
        卡车 ka che
        关卡 guan qia
        还款 huan kuan
        归还 gui huan
        朝阳 zhao yang
        朝代 chao dai
        节省 jie sheng
        省份 sheng fen
        反省 fan xing
        系统 xi tong
        关系 guan xi
        系鞋带 ji xie dai
        识别 shi bie
        标识 biao zhi
        大夫 dai fu
        盛装 sheng zhuang
        强调 qiang diao
        勉强 mian qiang
        露天 lu tian
        透露 tou lu
        宿舍 su she
        冲压 chong ya
        冲床 chong chuang
        """

    /// One character a line, then its readings, the most common first.
    private static let polyphoneList = """
        会 hui kuai
        行 xing hang
        长 chang zhang
        重 zhong chong
        传 chuan zhuan
        藏 cang zang
        乐 le yue
        便 bian pian
        差 cha chai ci
        调 diao tiao
        角 jiao jue
        率 lv shuai lu
        校 xiao jiao
        参 can shen cen
        都 du dou
        弹 dan tan
        解 jie xie
        单 dan shan
        称 cheng chen
        模 mo mu
        卡 ka qia
        还 hai huan
        朝 chao zhao
        省 sheng xing
        系 xi ji
        识 shi zhi
        盛 sheng cheng
        强 qiang jiang
        露 lu lou
        宿 su xiu
        给 gei ji
        曾 zeng ceng
        着 zhe zhao zhuo
        区 qu ou
        朴 pu piao
        查 cha zha
        厦 sha xia
        折 zhe she
        降 jiang xiang
        薄 bao bo
        剥 bao bo
        血 xue xie
        似 si shi
        仔 zai zi
        扎 zha za
        恶 e wu
        期 qi ji
        奇 qi ji
        车 che ju
        没 mei mo
        和 he huo hu
        大 da dai
        旅 lv lu
        律 lv lu
        绿 lv lu
        虑 lv lu
        滤 lv lu
        铝 lv lu
        吕 lv lu
        女 nv nu
        略 lve lue
        """
}
