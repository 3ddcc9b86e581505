import type { DemoRandom } from './random.js';

/*
 * Names come with their pinyin, so a contact's e-mail reads like the person's (zhang.wei@…) instead
 * of random letters: Faker's zh_CN names have no pinyin, and its phone and street formats are not
 * China's (mobiles start 13–19, streets are not "某栋").
 */

// The most common surnames, roughly in order of frequency, so the weights fall off down the list.
const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'],
  ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'],
  ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'],
  ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'],
  ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'],
  ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'], ['陆', 'lu'],
  ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'], ['韦', 'wei'],
  ['方', 'fang'], ['白', 'bai'], ['邹', 'zou'], ['孟', 'meng'], ['熊', 'xiong'], ['秦', 'qin'], ['邱', 'qiu'], ['江', 'jiang'],
  ['尹', 'yin'], ['薛', 'xue'], ['段', 'duan'], ['雷', 'lei'], ['侯', 'hou'], ['龙', 'long'], ['史', 'shi'], ['陶', 'tao'],
  ['黎', 'li'], ['贺', 'he'], ['顾', 'gu'], ['毛', 'mao'], ['郝', 'hao'], ['龚', 'gong'], ['邵', 'shao'], ['万', 'wan'],
  ['钱', 'qian'], ['严', 'yan'], ['武', 'wu'], ['戴', 'dai'], ['莫', 'mo'], ['孔', 'kong'], ['向', 'xiang'], ['汤', 'tang'],
];

const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'],
  ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['辉', 'hui'], ['鹏', 'peng'], ['飞', 'fei'], ['斌', 'bin'], ['波', 'bo'],
  ['宁', 'ning'], ['琳', 'lin'], ['婷', 'ting'], ['颖', 'ying'], ['浩', 'hao'], ['凯', 'kai'], ['亮', 'liang'], ['峰', 'feng'],
  ['建华', 'jianhua'], ['建国', 'jianguo'], ['建军', 'jianjun'], ['志强', 'zhiqiang'], ['志刚', 'zhigang'], ['海燕', 'haiyan'],
  ['晓东', 'xiaodong'], ['晓明', 'xiaoming'], ['晓燕', 'xiaoyan'], ['晓丽', 'xiaoli'], ['国强', 'guoqiang'], ['国华', 'guohua'],
  ['文博', 'wenbo'], ['文杰', 'wenjie'], ['俊杰', 'junjie'], ['子涵', 'zihan'], ['宇航', 'yuhang'], ['佳怡', 'jiayi'],
  ['欣怡', 'xinyi'], ['思远', 'siyuan'], ['浩然', 'haoran'], ['家豪', 'jiahao'], ['春梅', 'chunmei'], ['秀英', 'xiuying'],
  ['桂芳', 'guifang'], ['玉兰', 'yulan'], ['红梅', 'hongmei'], ['丽娟', 'lijuan'], ['振华', 'zhenhua'], ['立新', 'lixin'],
  ['永刚', 'yonggang'], ['卫东', 'weidong'], ['德明', 'deming'], ['金龙', 'jinlong'], ['海涛', 'haitao'], ['雪梅', 'xuemei'],
  ['红霞', 'hongxia'], ['亚楠', 'yanan'], ['一鸣', 'yiming'], ['天宇', 'tianyu'], ['梓轩', 'zixuan'], ['雨欣', 'yuxin'],
  ['嘉伟', 'jiawei'], ['昊天', 'haotian'], ['倩', 'qian'], ['蕾', 'lei'], ['晨', 'chen'], ['旭', 'xu'], ['瑶', 'yao'],
  ['慧', 'hui'], ['丹', 'dan'], ['松', 'song'], ['毅', 'yi'], ['雯', 'wen'], ['永红', 'yonghong'], ['伟民', 'weimin'],
  ['少华', 'shaohua'], ['志明', 'zhiming'], ['淑珍', 'shuzhen'], ['美玲', 'meiling'], ['宏伟', 'hongwei'], ['光辉', 'guanghui'],
];

const SURNAME_WEIGHTS = SURNAMES.map((surname, index) => [surname, 1 / (index + 8)] as const);

// The mobile number ranges of China Mobile, Unicom and Telecom.
const MOBILE_PREFIXES = [
  '134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182', '183', '187', '188', '198',
  '130', '131', '132', '155', '156', '185', '186', '166', '133', '153', '180', '181', '189', '177', '199',
];

export interface Person {
  name: string;
  surnamePinyin: string;
  givenPinyin: string;
}

export function newPerson(random: DemoRandom): Person {
  const [surname, surnamePinyin] = random.weighted(SURNAME_WEIGHTS);
  const [given, givenPinyin] = random.pick(GIVEN_NAMES);
  return { name: surname + given, surnamePinyin, givenPinyin };
}

export function mobileNumber(random: DemoRandom): string {
  return random.pick(MOBILE_PREFIXES) + random.digits(8);
}

export function landline(random: DemoRandom, areaCode: string): string {
  return `${areaCode}-${random.int(2, 8)}${random.digits(areaCode.length === 3 ? 7 : 6)}`;
}

/** A work address at the company's domain, or the personal mailbox many buyers in China use. */
export function personalEmail(random: DemoRandom, person: Person, companyDomain: string | null): string {
  if (companyDomain && random.chance(0.7)) {
    const local = random.pick([
      `${person.surnamePinyin}${person.givenPinyin}`,
      `${person.givenPinyin}.${person.surnamePinyin}`,
      `${person.surnamePinyin}.${person.givenPinyin}`,
    ]);
    return `${local}@${companyDomain}`;
  }
  return random.weighted([
    [`${random.int(10_000_000, 2_999_999_999)}@qq.com`, 4],
    [`${person.surnamePinyin}${person.givenPinyin}${random.int(60, 99)}@163.com`, 3],
    [`${person.surnamePinyin}${person.givenPinyin}@126.com`, 1],
    [`${mobileNumber(random)}@139.com`, 1],
  ] as const);
}
