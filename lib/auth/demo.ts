/** The demo accounts' shared password (API.md). Refused in production. */
export const DEMO_PASSWORD = 'dcloud-demo';
