/**
 * 姓氏笔画 order for ballots and lists. No stroke-count data package is installed in this
 * project yet, so this is a built-in table of the stroke counts of common surnames (规范汉字
 * 简体). Names with the same surname stroke count keep the order they were given (the 起笔
 * 横竖撇点折 tie-break is not implemented); a surname not in the table sorts last and is reported.
 */
const TABLE: Record<number, string> = {
  2: '丁卜刁',
  3: '于马万卫门干',
  4: '王方孔尹毛文牛邓韦车戈巴井丰支云尤区公元亓亢乌卞仇计勾',
  5: '田叶卢冯石史白付包左龙艾甘兰宁司申皮冉乐平玉边帅厉丛母印仝',
  6: '刘朱孙许任江吕华成毕阮向汤纪伍齐安庄米乔关邢闫曲牟全伏危衣阳农祁权朴羊那尧闭戎师邝吉池匡仲巩阴',
  7: '李张陈杨吴何宋杜苏沈汪陆邱余严肖邹谷岑冷闵芦连麦佟应劳时狄利但佘辛芮豆冶来邸邬花位况束初迟沙阿巫邰',
  8: '周林郑罗金范孟武易庞岳欧季单宗尚卓苟郎官幸奉和於呼居房苗练杭茅明郁屈国苑',
  9: '赵胡姚姜钟段侯贺郝柳俞祝柯骆饶查封宣荆南胥禹祖项娄宫费施茹闻昝修战相信哈郜',
  10: '徐郭高唐袁夏秦陶顾钱贾涂聂殷耿翁柴凌晏席倪桂桑敖班原栗奚海容卿索晋晁都莫浦党宾展',
  11: '黄梁曹崔龚章常康符梅盛戚麻商隋寇鹿宿银扈盖尉逯隆谌盘屠',
  12: '谢韩彭曾董蒋程舒童覃鲁焦温葛喻景惠储普辜嵇揭湛斯智植富强敬',
  13: '雷路蓝靳蒙鲍蒲滕解詹窦楚鄢裘虞简甄廉满雍阙楼',
  14: '蔡谭廖熊翟裴缪管臧蔺赫慕鲜漆阚',
  15: '潘黎颜樊',
  16: '薛霍穆冀燕衡薄',
  17: '魏戴鞠檀',
  18: '瞿',
};

const STROKES = new Map<string, number>();
for (const [count, chars] of Object.entries(TABLE)) {
  for (const ch of chars) {
    if (!STROKES.has(ch)) {
      STROKES.set(ch, Number(count));
    }
  }
}

/** Stroke count of a surname's first character, or null when it is not in the table. */
export function surnameStrokes(name: string): number | null {
  const first = [...name.trim()][0];
  return first === undefined ? null : (STROKES.get(first) ?? null);
}

/**
 * Names in 姓氏笔画 order; `unknown` lists names whose surname is not in the table (put last).
 * @example strokeOrder(['周平', '王海', '李秀英']).names // ['王海', '李秀英', '周平']
 */
export function strokeOrder(names: readonly string[]): { names: string[]; unknown: string[] } {
  const keyed = names.map((name, i) => ({ name, i, strokes: surnameStrokes(name) }));
  keyed.sort((a, b) => (a.strokes ?? 99) - (b.strokes ?? 99) || a.i - b.i);
  return {
    names: keyed.map((k) => k.name),
    unknown: keyed.filter((k) => k.strokes === null).map((k) => k.name),
  };
}
