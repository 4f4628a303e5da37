export * from './catalog';
export * from './enums';
export * from './org';
export * from './rate-limits';
export * from './requests';
export * from './resources';
export * from './tokens';
export * from './approvals';
