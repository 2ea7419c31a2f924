import { describe, expect, it } from 'vitest';
import { drawCalendar, presets, safeDrawCalendar, type CalendarEvent, type Policy } from '../../src/index';

const draws = (events: readonly CalendarEvent[], category: 'ordinary' | 'nev' = 'ordinary'): string[] =>
  events.filter((e) => e.kind === 'draw' && e.category === category).map((e) => e.date);

describe('drawCalendar', () => {
  it('2019 (beijing2016): the 26th of even months, a Saturday moved to Monday; cut-offs on the 8th never move', () => {
    const events = drawCalendar(presets.beijing2016, 2019);
    // 2019-10-26 is a Saturday; every other 26th of an even month is a weekday.
    expect(draws(events)).toEqual(['2019-02-26', '2019-04-26', '2019-06-26', '2019-08-26', '2019-10-28', '2019-12-26']);
    expect(draws(events, 'nev')).toEqual(draws(events));
    expect(events.find((e) => e.kind === 'draw' && e.period === '2019-10')?.movedFrom).toBe('2019-10-26');
    // 2019-06-08 is a Saturday and 2019-12-08 a Sunday: the cut-off stays.
    const deadlines = events.filter((e) => e.kind === 'application-deadline' && e.category === 'ordinary');
    expect(deadlines.map((e) => e.date)).toEqual([
      '2019-02-08',
      '2019-04-08',
      '2019-06-08',
      '2019-08-08',
      '2019-10-08',
      '2019-12-08',
    ]);
    expect(events.filter((e) => e.kind === 'pool-sealed' && e.category === 'ordinary').map((e) => e.date)).toEqual([
      '2019-02-25',
      '2019-04-25',
      '2019-06-25',
      '2019-08-25',
      '2019-10-25',
      '2019-12-25',
    ]);
    // Before 2021 the sources give no review-results day: none is invented.
    expect(events.some((e) => e.kind === 'review-results')).toBe(false);
  });

  it('2024 (beijing2024): NEV in May (the 26th is a Sunday), ordinary in June and December, windows and review days', () => {
    const events = drawCalendar(presets.beijing2024, 2024);
    expect(draws(events, 'nev')).toEqual(['2024-05-27']);
    expect(draws(events)).toEqual(['2024-06-26', '2024-12-26']);
    expect(events.filter((e) => e.category === 'ordinary').map((e) => `${e.date} ${e.kind} ${e.period}`)).toEqual([
      '2024-03-08 application-deadline 2024-h1',
      '2024-04-09 review-results 2024-h1',
      '2024-06-25 pool-sealed 2024-h1',
      '2024-06-26 draw 2024-h1',
      '2024-10-08 application-deadline 2024-h2',
      // 2024-11-09 is a Saturday: review days do not move.
      '2024-11-09 review-results 2024-h2',
      '2024-12-25 pool-sealed 2024-h2',
      '2024-12-26 draw 2024-h2',
    ]);
    // Date order, then kind, then category.
    const keys = events.map((e) => e.date);
    expect([...keys].sort()).toEqual(keys);
  });

  it('2012 (beijing2011): every month', () => {
    expect(draws(drawCalendar(presets.beijing2011, 2012))).toHaveLength(12);
  });

  it('holidays move a draw to the next working day; a listed workday (调休) is a working day', () => {
    // 2024-06-26 is a Wednesday: a holiday on the 26th and 27th moves it to Friday the 28th.
    const holiday = drawCalendar(presets.beijing2024, 2024, { holidays: ['2024-06-26', '2024-06-27'] });
    expect(draws(holiday)).toEqual(['2024-06-28', '2024-12-26']);
    // The NEV draw due on Sunday 2024-05-26 stays there when that Sunday is a working day.
    const workday = drawCalendar(presets.beijing2024, 2024, { workdays: ['2024-05-26'] });
    expect(draws(workday, 'nev')).toEqual(['2024-05-26']);
    // A weekend followed by a holiday Monday: Tuesday.
    const long = drawCalendar(presets.beijing2016, 2019, { holidays: ['2019-10-28'] });
    expect(long.find((e) => e.kind === 'draw' && e.period === '2019-10')?.date).toBe('2019-10-29');
    // Holidays never move deadlines, review days or sealing.
    const all = drawCalendar(presets.beijing2024, 2024, { holidays: ['2024-03-08', '2024-04-09', '2024-06-25'] });
    expect(all.filter((e) => e.kind !== 'draw').map((e) => e.date)).toEqual(
      drawCalendar(presets.beijing2024, 2024)
        .filter((e) => e.kind !== 'draw')
        .map((e) => e.date),
    );
  });

  it('refuses bad input with typed issues', () => {
    const bad = safeDrawCalendar(presets.beijing2024, 2024, {
      holidays: ['2024-02-30', 'tomorrow'],
      workdays: ['2024-05-26'],
    });
    expect(bad.success).toBe(false);
    if (!bad.success)
      expect(bad.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
        ['invalid_value', 'options.holidays.0'],
        ['invalid_value', 'options.holidays.1'],
      ]);
    const both = safeDrawCalendar(presets.beijing2024, 2024, { holidays: ['2024-05-26'], workdays: ['2024-05-26'] });
    expect(!both.success && both.issues[0]?.message).toMatch(/both as a holiday and as a working day/);
    const year = safeDrawCalendar(presets.beijing2024, 20.5);
    expect(!year.success && year.issues[0]?.path).toEqual(['year']);
    const noLifecycle = safeDrawCalendar(presets.explicit, 2024);
    expect(!noLifecycle.success && noLifecycle.issues[0]).toMatchObject({
      code: 'invalid_policy',
      path: ['policy', 'lifecycle'],
    });
    const notAList = safeDrawCalendar(presets.beijing2024, 2024, { holidays: '2024-05-26' as unknown as string[] });
    expect(!notAList.success && notAList.issues[0]?.code).toBe('invalid_type');
  });

  it('takes a policy of your own: the calendar is data, checked by the policy schema', () => {
    const custom: Policy = {
      ...presets.beijing2024,
      id: 'custom',
      lifecycle: {
        ...presets.beijing2024.lifecycle!,
        calendar: {
          drawDay: 15,
          sealDay: 14,
          periods: [{ id: 'q1', deadline: '01-31', draws: [{ category: 'ordinary', month: 2 }] }],
        },
      },
    };
    expect(drawCalendar(custom, 2025).map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2025-01-31 application-deadline',
      '2025-02-14 pool-sealed',
      '2025-02-17 draw', // 2025-02-15 is a Saturday
    ]);
    const broken = {
      ...custom,
      lifecycle: { ...custom.lifecycle!, calendar: { ...custom.lifecycle!.calendar, sealDay: 20 } },
    };
    const refused = safeDrawCalendar(broken, 2025);
    expect(!refused.success && refused.issues[0]).toMatchObject({ code: 'invalid_policy' });
  });
});
