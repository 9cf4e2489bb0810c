/**
 * The learners an instructor supervises: the members of the cohorts they own, as a subquery on the
 * instructor's id in `instructorParam` (`$1`). The one statement of that rule for every feature
 * that scopes what an instructor reads by it: analytics (instructor/analytics-scope.ts) and a
 * learner's submissions (submissions.service.ts).
 */
export function supervisedLearnersSql(instructorParam: string): string {
  return `SELECT m.user_id FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id WHERE c.owner_id = ${instructorParam}::uuid`;
}
