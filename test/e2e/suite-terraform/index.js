// Mocha entry for the Terraform-only window (see test/e2e/workspace.mjs, prepareTerraformWorkspace): the same runner
// as test/e2e/suite, over the tests in this folder.
'use strict';
const { run } = require('../suite/index.js');

module.exports = { run: (options = {}) => run({ ...options, dir: __dirname }) };
