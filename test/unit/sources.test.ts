// Sites and press outlets as a report names them (seed 000: "trên www.tintuclangson.vn,
// stttt.langson.gov.vn; xulang.vn và fanpage LangsonNews").
import { describe, expect, it } from 'vitest';
import {
  activitySource,
  outletNames,
  outletPhrase,
  siteName,
  siteNames,
  sourceList,
} from '../../shared/sources';

describe('sites', () => {
  it('names a site by its host, a Facebook page as a fanpage, anything else as typed', () => {
    expect(siteName('https://www.tintuclangson.vn/tin-tuc/abc.html')).toBe('www.tintuclangson.vn');
    expect(siteName('STTTT.LangSon.gov.vn/x')).toBe('stttt.langson.gov.vn');
    expect(siteName('https://m.facebook.com/LangsonNews/posts/123')).toBe('fanpage LangsonNews');
    expect(siteName('Trang Zalo của xã')).toBe('Trang Zalo của xã');
    expect(siteName('  ')).toBe('');
  });

  it('lists each site once, the most used first', () => {
    expect(
      siteNames([
        { url: 'https://xulang.vn/1', count: 1 },
        { url: 'https://www.tintuclangson.vn/1', count: 2 },
        { url: 'www.tintuclangson.vn/2', count: 2 },
      ]),
    ).toEqual(['www.tintuclangson.vn', 'xulang.vn']);
  });
});

describe('press outlets', () => {
  it('groups programmes under their outlet however spelt, quoting each once', () => {
    expect(
      outletNames([
        { outlet: 'Báo Lạng Sơn', programme: '"Vì an ninh Xứ Lạng"', count: 3 },
        { outlet: 'Đài PT-TH tỉnh', programme: '', count: 1 },
        { outlet: 'báo  lạng sơn', programme: 'Pháp luật', count: 1 },
        { outlet: '', programme: 'Nông thôn mới', count: 1 },
      ]),
    ).toEqual([
      'Báo Lạng Sơn (chuyên mục "Vì an ninh Xứ Lạng", "Pháp luật")',
      'Đài PT-TH tỉnh',
      'chuyên mục "Nông thôn mới"',
    ]);
    expect(outletPhrase('Báo Lạng Sơn', [])).toBe('Báo Lạng Sơn');
  });

  it('says "và" before the last, and how many more past five', () => {
    expect(sourceList(['a'], 'trang')).toBe('a');
    expect(sourceList(['a', 'b', 'c'], 'trang')).toBe('a, b và c');
    expect(sourceList(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'trang')).toBe(
      'a, b, c, d, e và 2 trang khác',
    );
  });

  it('gives an activity its address, or its outlet and programme', () => {
    expect(activitySource({ items: 1, url: ' https://xulang.vn/a ' })).toBe('https://xulang.vn/a');
    expect(activitySource({ items: 1, outlet: 'Báo Lạng Sơn', programme: 'Pháp luật' })).toBe(
      'Báo Lạng Sơn (chuyên mục "Pháp luật")',
    );
    expect(activitySource({ sessions: 1 })).toBe('');
  });
});
