import type { CaseSet, Generate, GeneratorCase, Rng } from '@reps/engine';
import { capitalise } from '@reps/engine/generator-kit';
import {
  ADMISSIONS,
  BARE_STOP_PHRASES,
  CLASS_NAMES,
  CONTINUE_NOTES,
  DRUGS,
  type Drug,
  FILLER_NOTES,
  FREQ,
  GENERIC_STOP_REASONS,
  type Group,
  HIGH_RISK,
  STOP_PHRASES,
  STOP_REASONS,
  WORD_NUMBERS,
} from './data.js';

/** The case set's families (set in generate): public cases see a third of each pool, hidden others. */
let fam: <T>(label: string, all: readonly T[], options?: { public?: number; hidden?: number }) => T[] = (
  _label,
  all,
) => [...all];

// The brief's definition of a risky omission (brief.md), exactly as written there.
const BRIEF_RISK =
  '- `risky_omission`: `true` only for a **stopped** anticoagulant, insulin, antiepileptic or\n  beta-blocker whose stopping the discharge notes do not explain (no reason given, no switch to\n  another drug).';

/**
 * A patient's pre-admission (home) medication list, as taken from the patient and the community
 * pharmacy, and the discharge medication list printed from the hospital's prescribing system,
 * with the discharging team's notes. Home lists use brand or generic names and shorthand ("Coumadin
 * 5 mg – 1 tab PO QPM"); the discharge list uses generic names, sometimes with the salt or the
 * release form ("warfarin sodium 5 mg oral tablet: take one tablet by mouth every evening").
 *
 * Each home medication is continued (same active ingredient, same daily dose, same number of
 * doses a day), changed (the daily dose or the number of doses a day differs) or stopped (not on
 * the discharge list). Discharge lines that continue no home medication are new, including
 * same-class substitutions (simvastatin at home, atorvastatin at discharge: stopped + new). A
 * stopped anticoagulant, insulin, antiepileptic or beta-blocker is a risky omission unless the
 * notes give the reason it was stopped.
 */

interface Regimen {
  /** Strength of one tablet/capsule (0 for insulin). */
  strength: number;
  /** Tablets per dose, or units per dose for insulin. */
  count: number;
  perDay: number;
}

interface Line {
  id: string;
  entry: string;
}

interface HomeResult {
  id: string;
  status: 'continued' | 'changed' | 'stopped';
  discharge_line: string;
  daily_dose_change: number;
  risky_omission: boolean;
}

interface Output {
  home_medications: HomeResult[];
  new_medications: string[];
}

function num(x: number): string {
  return String(x);
}

function dosePerAdmin(drug: Drug, r: Regimen): number {
  return drug.unit === 'units' ? r.count : r.strength * r.count;
}

function daily(drug: Drug, r: Regimen): number {
  return round4(dosePerAdmin(drug, r) * r.perDay);
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function freqText(rng: Rng, drug: Drug, perDay: number, style: 'short' | 'words'): string {
  const options = fam(`freq-${style}-${perDay}`, FREQ[perDay]![style]);
  // Bedtime / morning are once-daily forms; insulin lispro is given with meals.
  let text = rng.pick(options);
  if (drug.prn) {
    const every = { 1: 'daily', 2: 'q12h', 3: 'q8h', 4: 'q6h', 6: 'q4h' }[perDay]!;
    const everyWords = {
      1: 'once a day',
      2: 'every 12 hours',
      3: 'every 8 hours',
      4: 'every 6 hours',
      6: 'every 4 hours',
    }[perDay]!;
    const prn = drug.prn;
    text =
      style === 'short'
        ? rng.pick(
            fam('prn-short', [
              `${every} PRN ${prn}`,
              `${every} prn ${prn}`,
              `${every} PRN (${prn})`,
              `${every} when required for ${prn}`,
              `${every} p.r.n. ${prn}`,
              `${every} if needed for ${prn}`,
            ]),
          )
        : rng.pick(
            fam('prn-words', [
              `${everyWords} as needed for ${prn}`,
              `${everyWords} when needed for ${prn}`,
              `${everyWords} if required for ${prn}`,
              `${everyWords} only if needed for ${prn}`,
            ]),
          );
  }
  return text;
}

function plural(word: string, n: number): string {
  return n > 1 ? `${word}s` : word;
}

function homeEntry(rng: Rng, drug: Drug, name: string, r: Regimen): string {
  const why = !drug.prn && rng.chance(0.45) ? ` (for ${rng.pick(drug.for)})` : '';
  if (drug.unit === 'units') {
    return rng.pick([
      () => `${name} ${r.count} units ${freqText(rng, drug, r.perDay, 'short')}${why}`,
      () => `${name} pen – ${r.count} units subcut ${freqText(rng, drug, r.perDay, 'words')}${why}`,
      () => `${name} inject ${r.count} units ${freqText(rng, drug, r.perDay, 'words')}${why}`,
    ])();
  }
  const u = drug.unit;
  const tab = drug.form === 'capsule' ? 'cap' : 'tab';
  const styles = [
    () =>
      `${name} ${num(r.strength)} ${u} ${tab} – ${num(r.count)} ${plural(tab, r.count)} PO ${freqText(rng, drug, r.perDay, 'short')}${why}`,
    () =>
      `${name} ${num(r.strength)} ${u} ${plural(drug.form, 2)}, take ${num(r.count)} ${freqText(rng, drug, r.perDay, 'words')}${why}`,
  ];
  if (r.count === 1) {
    styles.push(() => `${name} ${num(r.strength)}${u} ${freqText(rng, drug, r.perDay, 'short')}${why}`);
  }
  styles.push(
    () => `${name} ${num(round4(r.strength * r.count))} ${u} ${freqText(rng, drug, r.perDay, 'words')}${why}`,
    () => `${name} ${num(r.strength)}${u} x${num(r.count)} ${freqText(rng, drug, r.perDay, 'short')}${why}`,
    () =>
      `${name} – ${num(r.count)} x ${num(r.strength)} ${u} ${freqText(rng, drug, r.perDay, 'words')}${why}`,
    () =>
      `${name} ${num(r.strength)} ${u === 'mg' ? 'milligram' : 'microgram'} ${plural(drug.form, 2)}: ${num(r.count)} ${freqText(rng, drug, r.perDay, 'words')}${why}`,
    () =>
      `${name.toUpperCase()} ${num(r.strength)}${u}, ${num(r.count)} ${tab} ${freqText(rng, drug, r.perDay, 'short')}${why}`,
  );
  return rng.pick(fam(`home-styles-${styles.length}`, styles))();
}

function dischargeEntry(rng: Rng, drug: Drug, r: Regimen, days?: number): string {
  const base = rng.pick(drug.ehr);
  const name = drug.brands.length > 0 && rng.chance(0.15) ? `${base} (${rng.pick(drug.brands)})` : base;
  const course = days ? ` for ${days} days` : '';
  if (drug.unit === 'units') {
    return rng.pick([
      () =>
        `${name} 100 units/mL pen: inject ${r.count} units subcutaneously ${freqText(rng, drug, r.perDay, 'words')}`,
      () =>
        `${name.toUpperCase()} 100 UNITS/ML – ${r.count} units SC ${freqText(rng, drug, r.perDay, 'short')}`,
    ])();
  }
  const u = drug.unit;
  const form = drug.form;
  const styles = [
    () => {
      const n = WORD_NUMBERS[r.count] ?? num(r.count);
      const what = r.count === 0.5 ? form : plural(form, r.count);
      return `${name} ${num(r.strength)} ${u} oral ${form}: take ${n} ${what} by mouth ${freqText(rng, drug, r.perDay, 'words')}${course}`;
    },
    () =>
      `${name.toUpperCase()} ${num(r.strength)} ${u.toUpperCase()} ${form === 'capsule' ? 'CAP' : 'TAB'} – ${num(r.count)} ${form === 'capsule' ? 'cap' : 'tab'} PO ${freqText(rng, drug, r.perDay, 'short')}${course}`,
    () =>
      `${name} ${num(round4(r.strength * r.count))} ${u} PO ${freqText(rng, drug, r.perDay, 'short')}${course}`,
    () =>
      `${name} ${num(r.strength)} ${u} ${form}s – ${WORD_NUMBERS[r.count] ?? num(r.count)} by mouth ${freqText(rng, drug, r.perDay, 'words')}${course}`,
    () =>
      `${capitalise(name)}: ${num(r.count)} x ${num(r.strength)} ${u} ${form} orally, ${freqText(rng, drug, r.perDay, 'short')}${course}`,
    () =>
      `${name} (${num(r.strength)} ${u} ${form}) – dose ${num(round4(r.strength * r.count))} ${u} ${freqText(rng, drug, r.perDay, 'words')}${course}`,
    () =>
      `${name} ${num(r.strength)}${u} ${form === 'capsule' ? 'caps' : 'tabs'}, ${num(r.count)} ${freqText(rng, drug, r.perDay, 'short')}${course}`,
  ];
  return rng.pick(fam('discharge-styles', styles))();
}

/** A usual regimen for a drug. */
function regimen(rng: Rng, drug: Drug): Regimen {
  const perDay = rng.pick(drug.perDay);
  if (drug.unit === 'units') {
    return { strength: 0, count: perDay === 3 ? rng.int(3, 14) : rng.int(8, 44), perDay };
  }
  const strength = rng.pick(drug.strengths);
  // Two tablets a dose only of the lower strengths (nobody takes 2 × 1000 mg metformin twice a day).
  const low = drug.strengths.indexOf(strength) < Math.max(1, drug.strengths.length - 2);
  const count = low && rng.chance(0.25) ? 2 : 1;
  return { strength, count, perDay };
}

/** The same daily dose and doses a day, possibly written with another tablet strength. */
function sameRegimen(rng: Rng, drug: Drug, home: Regimen): Regimen {
  if (drug.unit === 'units' || !rng.chance(0.3)) return { ...home };
  const dose = home.strength * home.count;
  const alternatives = drug.strengths.filter(
    (s) => s !== home.strength && [0.5, 1, 2, 3].includes(round4(dose / s)),
  );
  if (alternatives.length === 0) return { ...home };
  const strength = rng.pick(alternatives);
  return { strength, count: round4(dose / strength), perDay: home.perDay };
}

/** Another daily dose or another number of doses a day. */
function changedRegimen(rng: Rng, drug: Drug, home: Regimen): Regimen {
  for (let attempt = 0; attempt < 20; attempt++) {
    let next: Regimen;
    if (drug.unit === 'units') {
      const delta = rng.pick([-6, -4, -2, 2, 4, 6, 8]);
      next = {
        strength: 0,
        count: Math.max(2, home.count + (home.perDay === 3 ? Math.sign(delta) * rng.int(1, 3) : delta)),
        perDay: home.perDay,
      };
    } else if (rng.chance(0.35) && drug.perDay.length > 1) {
      next = { ...home, perDay: rng.pick(drug.perDay.filter((p) => p !== home.perDay)) };
    } else if (rng.chance(0.25)) {
      next = { ...home, count: home.count === 1 ? 2 : 1 };
    } else {
      next = { strength: rng.pick(drug.strengths), count: 1, perDay: home.perDay };
    }
    if (daily(drug, next) !== daily(drug, home) || next.perDay !== home.perDay) return next;
  }
  // Every strength tried gives the same dose: change the number of tablets.
  return { ...home, count: home.count + 1 };
}

/** The name the notes use for a stopped medicine: its own, or its class when it is high-risk. */
function namedAs(drug: Drug, name: string): string {
  const classes = CLASS_NAMES[drug.group];
  if (!classes || !rngForNames) return name;
  return rngForNames.chance(0.35) ? rngForNames.pick(fam('class-names', classes)) : name;
}
let rngForNames: Rng | undefined;

export const generate: Generate<
  {
    patient: string;
    admission: string;
    home_medications: Line[];
    discharge_medications: Line[];
    discharge_notes: string;
  },
  Output
> = (rng, _index, set: CaseSet) => {
  fam = (label, all, options) => set.families(label, all, options);
  rngForNames = rng.fork('class-names');
  const homeCount = rng.int(4, 9);
  const regular = DRUGS.filter((d) => !d.dischargeOnly);
  // At least one high-risk medicine at home; at most one medicine per class.
  const used = new Set<Group>();
  const home: Drug[] = [];
  const highRisk = regular.filter((d) => HIGH_RISK.has(d.group));
  for (let i = 0, n = rng.int(1, 3); i < n; i++) {
    const d = rng.pick(highRisk.filter((x) => !used.has(x.group)));
    used.add(d.group);
    home.push(d);
  }
  while (home.length < homeCount) {
    const d = rng.pick(regular.filter((x) => !used.has(x.group)));
    used.add(d.group);
    home.push(d);
  }
  const homeOrder = rng.shuffle(home);

  interface Planned {
    drug: Drug;
    regimen: Regimen;
    homeIndex?: number;
    days?: number;
  }
  const discharge: Planned[] = [];
  const notes: string[] = [];
  const homeRegimens: Regimen[] = [];
  const fates: Array<'continued' | 'changed' | 'stopped'> = [];
  const stopReasoned: boolean[] = [];
  const homeNames: string[] = [];

  homeOrder.forEach((drug, i) => {
    const r = regimen(rng, drug);
    homeRegimens.push(r);
    const name = drug.brands.length > 0 && rng.chance(0.55) ? rng.pick(drug.brands) : drug.generic;
    homeNames.push(rng.chance(0.2) ? name.toLowerCase() : name.charAt(0).toUpperCase() + name.slice(1));
    const fate = rng.weighted(['continued', 'changed', 'stopped'] as const, [0.5, 0.27, 0.23]);
    fates.push(fate);
    stopReasoned.push(false);
    if (fate === 'continued') discharge.push({ drug, regimen: sameRegimen(rng, drug, r), homeIndex: i });
    if (fate === 'changed') {
      discharge.push({ drug, regimen: changedRegimen(rng, drug, r), homeIndex: i });
      if (rng.chance(0.35)) {
        notes.push(
          rng.pick(
            fam('change-notes', [
              `${capitalise(rng.pick(drug.ehr))} dose adjusted on the ward.`,
              `${capitalise(drug.generic)} regimen changed, see list.`,
              `New dosing for ${drug.generic} agreed with the pharmacist.`,
              `${capitalise(drug.generic)}: dose titrated during the stay.`,
              `Please note the new ${drug.generic} regimen.`,
            ]),
          ),
        );
      }
    }
  });

  // Stopped medicines: sometimes a same-class substitute, often a documented reason.
  homeOrder.forEach((drug, i) => {
    if (fates[i] !== 'stopped') return;
    const mention = rng.chance(0.5) ? drug.generic : homeNames[i]!;
    const substitutes = regular.filter(
      (d) => d.group === drug.group && d !== drug && !homeOrder.includes(d) && !d.prn,
    );
    if (substitutes.length > 0 && rng.chance(0.3)) {
      const sub = rng.pick(substitutes);
      discharge.push({ drug: sub, regimen: regimen(rng, sub) });
      stopReasoned[i] = true;
      notes.push(
        rng.pick(
          fam('switch-notes', [
            `${capitalise(mention)} switched to ${sub.generic} (formulary).`,
            `Changed ${mention} to ${sub.generic} – better suited after this admission.`,
            `${capitalise(mention)} replaced by ${sub.generic}.`,
            `${sub.generic} started in place of ${mention}.`,
            `Converted ${mention} to ${sub.generic} on the ward.`,
            `${capitalise(mention)} → ${sub.generic} (same class, local formulary).`,
          ]),
        ),
      );
      return;
    }
    const documented = HIGH_RISK.has(drug.group) ? rng.chance(0.5) : rng.chance(0.6);
    if (documented) {
      stopReasoned[i] = true;
      const reasons = STOP_REASONS[drug.group] ?? GENERIC_STOP_REASONS;
      notes.push(
        rng.pick(fam('stop-phrases', STOP_PHRASES))(capitalise(namedAs(drug, mention)), rng.pick(reasons)),
      );
    } else if (rng.chance(0.55)) {
      notes.push(rng.pick(fam('bare-stop-phrases', BARE_STOP_PHRASES))(capitalise(namedAs(drug, mention))));
    }
  });

  // New medicines started in hospital.
  const usedGroups = new Set([...homeOrder, ...discharge.map((p) => p.drug)].map((d) => d.group));
  const newCount = rng.weighted([0, 1, 2, 3], [0.15, 0.35, 0.35, 0.15]);
  for (let i = 0; i < newCount; i++) {
    const pool = DRUGS.filter((d) => !usedGroups.has(d.group));
    const d = rng.pick(pool);
    usedGroups.add(d.group);
    const days = d.group === 'antibiotic' || d.group === 'steroid' ? rng.pick([3, 5, 7, 10]) : undefined;
    discharge.push({ drug: d, regimen: regimen(rng, d), days });
    if (rng.chance(0.4)) notes.push(`Started ${d.generic} in hospital.`);
  }
  // Look-alikes: medicines started in hospital at the same unit and daily dose (or dose) as a home
  // medicine, so that a dose or a strength never identifies the drug.
  homeOrder.forEach((drug, i) => {
    if (!rng.chance(fates[i] === 'stopped' ? 0.7 : 0.45)) return;
    const target = daily(drug, homeRegimens[i]!);
    const perDose = dosePerAdmin(drug, homeRegimens[i]!);
    const options: Array<{ drug: Drug; regimen: Regimen }> = [];
    for (const d of DRUGS) {
      if (usedGroups.has(d.group) || d.unit !== drug.unit || d.dischargeOnly) continue;
      if (d.unit === 'units') {
        for (const perDay of d.perDay)
          if (Number.isInteger(target / perDay))
            options.push({ drug: d, regimen: { strength: 0, count: target / perDay, perDay } });
        continue;
      }
      for (const strength of d.strengths)
        for (const count of [1, 2])
          for (const perDay of d.perDay) {
            const r = { strength, count, perDay };
            if (daily(d, r) === target || round4(strength * count) === perDose)
              options.push({ drug: d, regimen: r });
          }
    }
    if (options.length === 0) return;
    const pick = rng.pick(options);
    usedGroups.add(pick.drug.group);
    discharge.push({ drug: pick.drug, regimen: pick.regimen });
    if (rng.chance(0.3)) notes.push(`Started ${pick.drug.generic} in hospital.`);
  });
  for (let i = 0, n = rng.int(1, 2); i < n; i++) notes.push(rng.pick(fam('filler-notes', FILLER_NOTES)));
  // Notes about continued medicines: a drug named with no stop.
  homeOrder.forEach((drug, i) => {
    if (fates[i] !== 'stopped' && rng.chance(0.3))
      notes.push(
        rng.pick(fam('continue-notes', CONTINUE_NOTES))(
          capitalise(rng.chance(0.5) ? drug.generic : homeNames[i]!),
        ),
      );
  });

  const dischargeOrder = rng.shuffle(discharge);
  const dischargeLines: Line[] = dischargeOrder.map((p, i) => ({
    id: `D${i + 1}`,
    entry: dischargeEntry(rng, p.drug, p.regimen, p.days),
  }));
  const homeLines: Line[] = homeOrder.map((drug, i) => ({
    id: `H${i + 1}`,
    entry: homeEntry(rng, drug, homeNames[i]!, homeRegimens[i]!),
  }));

  const notesText = rng.shuffle(notes).join(' ');
  const facts: GeneratorCase['facts'] = [];
  const results: HomeResult[] = homeOrder.map((drug, i) => {
    const at = dischargeOrder.findIndex((p) => p.homeIndex === i);
    const homeDaily = daily(drug, homeRegimens[i]!);
    const result: HomeResult =
      at === -1
        ? {
            id: `H${i + 1}`,
            status: 'stopped',
            discharge_line: 'none',
            daily_dose_change: round4(-homeDaily),
            risky_omission: HIGH_RISK.has(drug.group) && !stopReasoned[i],
          }
        : {
            id: `H${i + 1}`,
            status: fates[i] === 'continued' ? 'continued' : 'changed',
            discharge_line: `D${at + 1}`,
            daily_dose_change: round4(daily(drug, dischargeOrder[at]!.regimen) - homeDaily),
            risky_omission: false,
          };
    // What each answer rests on besides the home line: the discharge line it continues (status and
    // dose change come from comparing the two), and for a stop the notes and the brief's definition.
    const line = at === -1 ? undefined : dischargeLines[at]!.entry;
    const evidence: Record<string, string[]> = line
      ? { discharge_line: [line], status: [line], daily_dose_change: [line] }
      : HIGH_RISK.has(drug.group)
        ? { risky_omission: [notesText, BRIEF_RISK] }
        : { risky_omission: [BRIEF_RISK] };
    facts.push({
      id: result.id,
      text: homeLines[i]!.entry,
      answers: {
        discharge_line: result.discharge_line,
        status: result.status,
        daily_dose_change: result.daily_dose_change,
        risky_omission: result.risky_omission,
      },
      evidence,
    });
    return result;
  });
  const newLines = dischargeOrder.flatMap((p, i) => (p.homeIndex === undefined ? [`D${i + 1}`] : []));
  for (const id of newLines) {
    const p = dischargeOrder[Number(id.slice(1)) - 1]!;
    facts.push({
      id,
      text: dischargeLines[Number(id.slice(1)) - 1]!.entry,
      // A discharge-only line is its own discharge line (a plausible wrong match for a home line);
      // it has no home status.
      answers: { discharge_line: id, risky_omission: false, daily_dose_change: daily(p.drug, p.regimen) },
    });
  }

  const age = rng.int(48, 93);
  const day = rng.int(3, 24);
  const month = rng.int(1, 12);
  const stay = rng.int(2, 9);
  const date = (d: number) => `2024-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return {
    input: {
      patient: `MRN ${rng.int(1000000, 9999999)}, ${rng.pick(['F', 'M'])}, ${age} y`,
      admission: `Admitted ${date(day)} with ${rng.pick(ADMISSIONS)}; discharged ${date(day + stay)}.`,
      home_medications: homeLines,
      discharge_medications: dischargeLines,
      discharge_notes: notesText,
    },
    expected: { home_medications: results, new_medications: newLines },
    facts,
  };
};
