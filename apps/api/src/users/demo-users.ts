/** The demo accounts `npm start` creates (REPS_SEED_DEMO=true); printed by the start script. */
export const demoUsers = [
  {
    email: 'instructor@reps.local',
    handle: 'demo-instructor',
    displayName: 'Demo Instructor',
    password: 'reps-instructor',
    role: 'instructor',
  },
  {
    email: 'admin@reps.local',
    handle: 'demo-admin',
    displayName: 'Demo Admin',
    password: 'reps-admin',
    role: 'admin',
  },
  {
    email: 'learner@reps.local',
    handle: 'demo-learner',
    displayName: 'Demo Learner',
    password: 'reps-learner',
    role: 'learner',
  },
] as const;
