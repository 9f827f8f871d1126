// testTimeout is a global jest option; a tier that talks to real infrastructure sets its own here.
jest.setTimeout(60_000);
