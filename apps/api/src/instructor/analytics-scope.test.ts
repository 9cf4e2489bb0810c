import { analyticsScope, inScopeSql } from './analytics-scope.js';

const published = { exists: true, published: true, authored: false };
const draft = { exists: true, published: false, authored: false };
const missing = { exists: false, published: false, authored: false };

describe('analyticsScope', () => {
  it('gives admins every learner, on any challenge that exists', () => {
    expect(analyticsScope({ role: 'admin' }, published)).toBe('all');
    expect(analyticsScope({ role: 'admin' }, draft)).toBe('all');
    expect(analyticsScope({ role: 'admin' }, missing)).toBe('not_found');
  });

  it('gives an author every learner of their own challenge, published or not', () => {
    expect(analyticsScope({ role: 'instructor' }, { ...published, authored: true })).toBe('all');
    expect(analyticsScope({ role: 'instructor' }, { ...draft, authored: true })).toBe('all');
  });

  it("gives another instructor a published challenge's learners of their cohorts, and hides drafts", () => {
    expect(analyticsScope({ role: 'instructor' }, published)).toBe('cohorts');
    expect(analyticsScope({ role: 'instructor' }, draft)).toBe('not_found');
    expect(analyticsScope({ role: 'instructor' }, missing)).toBe('not_found');
  });

  it('refuses learners', () => {
    expect(analyticsScope({ role: 'learner' }, published)).toBe('forbidden');
    expect(analyticsScope({ role: 'learner' }, draft)).toBe('forbidden');
  });
});

describe('inScopeSql', () => {
  it('lets everyone through for a null owner and only cohort members otherwise', () => {
    const sql = inScopeSql('s.user_id', '$2');
    expect(sql).toMatch(/^\(\$2::uuid IS NULL OR s\.user_id IN \(SELECT m\.user_id FROM cohort_members m/);
    expect(sql).toContain('WHERE c.owner_id = $2::uuid');
  });
});
