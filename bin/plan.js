#!/usr/bin/env node
// dist/run/ is dist/ bundled (rolldown.config.mjs): the same modules, loaded as a few files.
import "../dist/run/main.js";
