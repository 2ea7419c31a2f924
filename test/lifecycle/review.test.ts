import { describe, expect, it } from 'vitest';
import {
  checkResidentId,
  presets,
  residentIdCheckCharacter,
  reviewApplication,
  safeReviewApplication,
  type PersonFacts,
} from '../../src/index';

describe('checkResidentId (GB 11643-1999)', () => {
  it('accepts the standard’s examples, with birth date, sex and region', () => {
    expect(checkResidentId('11010519491231002X')).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      sex: 'female',
      region: '110105',
    });
    expect(checkResidentId('440524188001010014')).toEqual({
      ok: true,
      birthDate: '1880-01-01',
      sex: 'male',
      region: '440524',
    });
    // ISO 7064 MOD 11-2: 10 is written X.
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it('refuses every kind of bad ID with a reason that does not echo it', () => {
    const reasons = {
      short: checkResidentId('11010519491231002'),
      letters: checkResidentId('1101051949123100AX'),
      lowercase: checkResidentId('11010519491231002x'),
      region: checkResidentId('99010519491231002X'),
      date: checkResidentId('11010519490231002X'), // 31 February
      before1800: checkResidentId('110105179912310028'),
      check: checkResidentId('110105194912310021'),
      type: checkResidentId(110105),
    };
    for (const [name, result] of Object.entries(reasons)) {
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.reason, name).not.toMatch(/11010519/);
    }
    expect(!reasons.check.ok && reasons.check.reason).toMatch(/check character/);
    expect(!reasons.date.ok && reasons.date.reason).toMatch(/birth date/);
    expect(!reasons.region.ok && reasons.region.reason).toMatch(/region/);
  });
});

const months = (from: string, to: string, except: readonly string[] = []): string[] => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const text = `${y}-${String(m).padStart(2, '0')}`;
    if (!except.includes(text)) out.push(text);
    if (text === to) return out;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
};

// Applying on 2024-02-15 (window 2024-h1, deadline 2024-03-08): the 60 months are 2019-02 … 2024-01.
const AT = '2024-02-15T10:00:00+08:00';
const worker: PersonFacts = {
  residentId: '11010519491231002X',
  socialInsuranceMonths: months('2019-02', '2024-01'),
  incomeTaxMonths: months('2019-02', '2024-01'),
  licence: { validUntil: '2030-01-01' },
};

describe('reviewApplication', () => {
  it('approves five unbroken years of social insurance and income tax, a Beijing hukou, a valid endorsed permit', () => {
    expect(reviewApplication(worker, presets.beijing2024, { at: AT })).toEqual({ approved: true });
    const hukou = { residentId: worker.residentId, beijingHukou: true, licence: worker.licence };
    expect(reviewApplication(hukou, presets.beijing2024, { at: AT })).toEqual({ approved: true });
    const permit = {
      residentId: worker.residentId,
      workPermit: { validUntil: '2025-12-31', endorsedUntil: '2024-12-31' },
      licence: worker.licence,
    };
    expect(reviewApplication(permit, presets.beijing2024, { at: AT })).toEqual({ approved: true });
  });

  it('one missing month after a job change breaks "consecutive", and the month is named', () => {
    const gap = { ...worker, socialInsuranceMonths: months('2019-02', '2024-01', ['2021-07']) };
    const outcome = reviewApplication(gap, presets.beijing2024, { at: AT });
    expect(outcome.approved).toBe(false);
    if (outcome.approved) return;
    expect(outcome.reasons.map((r) => r.code)).toEqual(['no_residence_basis', 'social_insurance_gap']);
    expect(outcome.reasons[1]).toMatchObject({ path: ['socialInsuranceMonths'], received: '2021-07' });
    expect(outcome.reasons[1]!.message).toContain('no Beijing social insurance in 2021-07');
    expect(outcome.reasons[1]!.message).toContain('2019-02 to 2024-01');
    // The same gap does not matter with a Beijing hukou.
    expect(reviewApplication({ ...gap, beijingHukou: true }, presets.beijing2024, { at: AT }).approved).toBe(true);
    // A month paid in the application month itself does not fill the window (the window ends the month before).
    const late = { ...worker, incomeTaxMonths: months('2019-03', '2024-02') };
    const lateOutcome = reviewApplication(late, presets.beijing2024, { at: AT });
    expect(!lateOutcome.approved && lateOutcome.reasons.map((r) => [r.code, r.received])).toEqual([
      ['no_residence_basis', undefined],
      ['income_tax_gap', '2019-02'],
    ]);
    // …unless the policy counts the application month (a parameter: the sources do not say).
    const lifecycle = presets.beijing2024.lifecycle!;
    const upToNow = {
      ...presets.beijing2024,
      lifecycle: { ...lifecycle, review: { ...lifecycle.review, contributionsUntil: 'application-month' as const } },
    };
    const both = { ...late, socialInsuranceMonths: months('2019-03', '2024-02') };
    expect(reviewApplication(both, upToNow, { at: AT })).toEqual({ approved: true });
    expect(reviewApplication(worker, upToNow, { at: AT }).approved).toBe(false);
  });

  it('reports every reason together', () => {
    const outcome = reviewApplication(
      {
        residentId: '110105200603090017', // 18 on 2024-03-09, one day after the deadline
        workPermit: { validUntil: '2026-01-01', endorsedUntil: '2023-12-31' },
        ownsCar: true,
        licence: { validUntil: '2024-02-14' },
        unresolvedViolations: 2,
      },
      presets.beijing2024,
      { at: AT },
    );
    expect(outcome.approved).toBe(false);
    if (outcome.approved) return;
    expect(outcome.reasons.map((r) => r.code)).toEqual([
      'under_age',
      'no_residence_basis',
      'social_insurance_gap',
      'income_tax_gap',
      'owns_car',
      'licence_expired',
      'unresolved_violation',
    ]);
    expect(outcome.reasons[0]!.message).toContain('17 on the deadline 2024-03-08');
    expect(outcome.reasons[1]!.message).toContain('endorsement lapsed on 2023-12-31');
    expect(outcome.reasons[2]!.message).toContain('every month');
  });

  it('age is counted at the deadline: 18 on the deadline day is enough', () => {
    const on = { ...worker, residentId: '110105200603080011' };
    expect(on.residentId.slice(17)).toBe(residentIdCheckCharacter(on.residentId.slice(0, 17)));
    expect(reviewApplication(on, presets.beijing2024, { at: AT }).approved).toBe(true);
  });

  it('no licence; a bad ID', () => {
    const { licence: _none, ...noLicence } = worker;
    const outcome = reviewApplication({ ...noLicence, residentId: '110105194912310021' }, presets.beijing2024, {
      at: AT,
    });
    expect(!outcome.approved && outcome.reasons.map((r) => r.code)).toEqual(['bad_id', 'no_licence']);
  });

  it('units: VAT paid last year against the 50,000 CNY threshold, exactly', () => {
    const review = (vat: string | number): boolean =>
      reviewApplication({ kind: 'unit', vatPaidLastYear: vat }, presets.beijing2024, { at: AT }).approved;
    expect(review(50_000)).toBe(true);
    expect(review('50000.00')).toBe(true);
    expect(review('49999.99')).toBe(false);
    const outcome = reviewApplication({ kind: 'unit', vatPaidLastYear: 0 }, presets.beijing2024, { at: AT });
    expect(!outcome.approved && outcome.reasons[0]).toMatchObject({
      code: 'unit_vat_below_threshold',
      path: ['vatPaidLastYear'],
    });
  });

  it('malformed facts or time are bad input, not a rejection', () => {
    const bad = safeReviewApplication(
      { residentId: 5, socialInsuranceMonths: ['2024-13'], extra: 1 },
      presets.beijing2024,
      { at: 'yesterday' },
    );
    expect(bad.success).toBe(false);
    if (!bad.success) {
      const codes = bad.issues.map((i) => i.code);
      expect(codes).toContain('invalid_value'); // at
      expect(bad.issues[0]!.path).toEqual(['options', 'at']);
      expect(bad.issues.length).toBeGreaterThan(1);
    }
    const noPolicy = safeReviewApplication(worker, presets.explicit, { at: AT });
    expect(!noPolicy.success && noPolicy.issues[0]?.code).toBe('invalid_policy');
    const unit = safeReviewApplication({ kind: 'unit', vatPaidLastYear: '-3' }, presets.beijing2024, { at: AT });
    expect(unit.success).toBe(false);
  });
});
