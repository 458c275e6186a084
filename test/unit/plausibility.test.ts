// Which figures of an activity are asked about before saving: ten times the office's
// largest on the channel, or, with no past yet, beyond what one activity reaches.
import { describe, expect, it } from 'vitest';
import { FIRST_CEILINGS, unusualFigures, type ChannelLargest } from '../../shared/plausibility';

const none: ChannelLargest = { audience: 0, costVnd: 0, measures: {} };
const past: ChannelLargest = {
  audience: 5_200,
  costVnd: 6_000_000,
  measures: { sessions: 12, km: 340, minutes: 900 },
};
const van = (audience: number, km: number, costVnd = 0) => ({
  audience,
  costVnd,
  measures: { sessions: 3, km, minutes: 240 },
});

describe('unusual figures', () => {
  it('lets through what is up to ten times the largest so far', () => {
    expect(unusualFigures('van', van(52_000, 3_400, 60_000_000), past)).toEqual([]);
  });

  it('asks about an extra zero or two, naming the figure, the ratio and the largest', () => {
    const found = unusualFigures('van', van(520_000, 34_000), past);
    expect(found.map((f) => f.key)).toEqual(['km', 'audience']);
    expect(found[0]!.text).toBe(
      'Số km: 34.000, gấp 100 lần mức lớn nhất đã ghi cho hình thức này (340).',
    );
    expect(found[1]!.text).toBe(
      'Số người được tuyên truyền: 520.000, gấp 100 lần mức lớn nhất đã ghi cho hình thức này (5.200).',
    );
    expect(found[1]!.largest).toBe(5_200);
  });

  it('catches an audience of 10^15 whatever the past', () => {
    expect(unusualFigures('van', van(1e15, 10), past).map((f) => f.key)).toEqual(['audience']);
    expect(unusualFigures('van', van(1e15, 10), none).map((f) => f.key)).toEqual(['audience']);
  });

  it('uses a ceiling while the office has nothing on the channel, with the cost in đồng', () => {
    expect(unusualFigures('van', van(FIRST_CEILINGS.audience, 100), none)).toEqual([]);
    const found = unusualFigures('van', van(2_000, 100, 2_500_000_000), none);
    expect(found).toHaveLength(1);
    expect(found[0]!.largest).toBeNull();
    expect(found[0]!.text).toBe(
      'Kinh phí: 2.500.000.000 đồng, lớn hơn mức thường gặp của một hoạt động (1.000.000.000 đồng).',
    );
  });

  it('looks at the channel’s own measures only, in the form’s order', () => {
    const sms = unusualFigures(
      'sms',
      { audience: 0, costVnd: 0, measures: { messages: 3_000_000, km: 99_999 } },
      none,
    );
    expect(sms).toEqual([]);
    const radio = unusualFigures(
      'radio',
      { audience: 0, costVnd: 0, measures: { items: 5, broadcasts: 900, minutes: 45 } },
      { audience: 0, costVnd: 0, measures: { items: 10, broadcasts: 30, minutes: 300 } },
    );
    expect(radio.map((f) => f.key)).toEqual(['broadcasts']);
  });
});
