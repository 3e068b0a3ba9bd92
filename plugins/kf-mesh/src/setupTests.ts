import '@testing-library/jest-dom';

// A first render of an entity page (MUI, the app's test wrappers) takes over Jest's 5 s default when
// the 2-core CI machine also runs the backend suites and PostgreSQL; no assertion waits longer for it.
jest.setTimeout(30_000);
