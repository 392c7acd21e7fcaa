import * as assert from 'node:assert/strict';
import { describeAction, describeConditionKey, editDistance, globMatcher, iamData, iamDataVersion } from '../../rules/iam/data';
import { arnGlobMeetsFormat, arnProblem, parseOperator } from '../../rules/iam/data-grammar';

describe('iam data', () => {
  const d = iamData();
  it('loads once and carries the package version', () => {
    assert.equal(iamData(), d);
    assert.match(d.version, /^\d+\.\d+\.\d+$/);
    assert.equal(iamDataVersion, d.version);
    assert.ok(d.servicePrefixes().length > 400);
  });
  it('knows services and actions case-insensitively, with canonical names', () => {
    assert.ok(d.isService('ecs') && d.isService('ECS') && !d.isService('ecs2') && !d.isService(''));
    const a = d.action('S3:getobject');
    assert.equal(a?.name, 's3:GetObject');
    assert.equal(a?.accessLevel, 'Read');
    assert.deepEqual(a?.resourceTypes.map((r) => r.name).sort(), ['accesspointobject', 'object']);
    assert.equal(d.action('s3:GetObjekt'), undefined);
    assert.equal(d.action('nocolon'), undefined);
  });
  it('exposes ECS facts the other rules rely on', () => {
    const exec = d.action('ecs:ExecuteCommand')!;
    assert.equal(exec.accessLevel, 'Write');
    assert.deepEqual(exec.resourceTypes.map((r) => r.name).sort(), ['cluster', 'task']);
    assert.ok(exec.conditionKeys.includes('ecs:container-name'));
    assert.equal(d.action('iam:PutRolePolicy')?.accessLevel, 'Permissions management');
    assert.equal(d.action('ecr:GetAuthorizationToken')?.resourceTypes.length, 0);
    assert.ok(d.action('iam:PassRole')!.conditionKeys.includes('iam:PassedToService'));
  });
  it('expands IAM wildcards in the action and service parts', () => {
    const describe = d.expand('ecs:Describe*').map((a) => a.name);
    assert.ok(describe.includes('ecs:DescribeTasks') && describe.every((n) => n.startsWith('ecs:Describe')));
    assert.deepEqual(d.expand('s3:Get?bject').map((a) => a.name), ['s3:GetObject']);
    assert.ok(d.expand('ECS:*').length > 50);
    assert.ok(d.expand('*').length > 15000);
    assert.ok(d.expand('ecr*:Get*').some((a) => a.service === 'ecr-public'));
    assert.deepEqual(d.expand('s3:NoSuch*'), []);
    assert.deepEqual(d.expand('nosuchservice:*'), []);
  });
  it('finds global and service condition keys, including tag-key patterns', () => {
    assert.equal(d.conditionKey('aws:principalorgid')?.key, 'aws:PrincipalOrgID');
    for (const k of ['aws:SourceVpce', 'aws:SourceArn', 'aws:CalledVia', 'aws:SourceAccount', 'aws:SecureTransport']) assert.ok(d.conditionKey(k), k);
    assert.equal(d.conditionKey('aws:RequestTag/CostCenter')?.type, 'String');
    assert.equal(d.conditionKey('aws:CalledVia')?.type, 'ArrayOfString');
    assert.ok(d.conditionKey('s3:ExistingObjectTag/owner'));
    assert.ok(d.conditionKey('ecs:ResourceTag/team'));
    assert.equal(d.conditionKey('ecs:cluster')?.type, 'ARN');
    assert.ok(d.conditionKey('saml:aud'));
    assert.equal(d.conditionKey('aws:PrincipalOrgId2'), undefined);
    assert.equal(d.conditionKey('aws:RequestTag/'), undefined);
    assert.equal(d.conditionKey('ecs:nope'), undefined);
  });
  it('suggests near names for typos', () => {
    assert.equal(d.nearestActions('s3:GetObjekt')[0], 's3:GetObject');
    assert.equal(d.nearestActions('ecs:RunTsk')[0], 'ecs:RunTask');
    assert.equal(d.nearestActions('s4:GetObject')[0], 's3:GetObject');
    assert.deepEqual(d.nearestActions('ecs:Zzzzzzzzzzzz'), []);
    assert.equal(d.nearestConditionKeys('aws:PrincipalOrgIdd')[0], 'aws:PrincipalOrgID');
    assert.equal(editDistance('ab', 'ba'), 1);
  });
  it('returns ARN formats of resource types', () => {
    assert.deepEqual(d.resourceArnFormats('ecr', 'repository'), ['arn:${Partition}:ecr:${Region}:${Account}:repository/${RepositoryName}']);
    assert.deepEqual(d.resourceArnFormats('ecr', 'nope'), []);
    assert.deepEqual(d.resourceArnFormats('nope', 'repository'), []);
  });
  it('never throws on non-string input', () => {
    const bad = [undefined, null, 42, {}] as unknown as string[];
    for (const b of bad) {
      assert.equal(d.isService(b), false);
      assert.equal(d.action(b), undefined);
      assert.deepEqual(d.expand(b), []);
      assert.equal(d.conditionKey(b), undefined);
      assert.deepEqual(d.nearestActions(b), []);
      assert.equal(describeAction(b), '');
    }
  });
  it('describes actions and patterns as markdown for hovers', () => {
    const md = describeAction('ecs:executecommand');
    assert.match(md, /\*\*ecs:ExecuteCommand\*\* \(Write\)/);
    assert.match(md, /`cluster` \(required\)/);
    assert.match(md, /ecs:container-name/);
    assert.match(describeAction('ecr:GetAuthorizationToken'), /`\*` only/);
    assert.match(describeAction('ecs:Describe*'), /matches \d+ actions: `ecs:Describe/);
    assert.equal(describeAction('ecs:Nope'), '');
  });
  it('describes condition keys for hovers', () => {
    assert.match(describeConditionKey('aws:calledvia'), /Type: ArrayOfString \(multi-valued/);
    assert.match(describeConditionKey('aws:RequestTag/env'), /matches `aws:RequestTag\/tag-key`/);
    assert.equal(describeConditionKey('aws:Nope'), '');
  });
  it('loads fast and answers lookups fast', () => {
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) d.action('ecs:RunTask');
    d.conditionKey('aws:SourceVpce');
    assert.ok(performance.now() - t0 < 200);
  });
});

describe('iam grammar helpers', () => {
  it('parses condition operators', () => {
    assert.deepEqual(parseOperator('ForAnyValue:StringLikeIfExists'), { set: 'ForAnyValue', base: 'StringLike', ifExists: true, family: 'String' });
    assert.equal(parseOperator('Null').family, 'Null');
    assert.equal(parseOperator('NullIfExists').family, undefined);
    assert.equal(parseOperator('StringEqual').family, undefined);
    assert.equal(parseOperator('IfExists').family, undefined);
  });
  it('validates ARNs', () => {
    for (const ok of ['*', 'arn:aws:s3:::bucket/*', 'arn:aws-cn:ecs:cn-north-1:123456789012:cluster/x', 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      'arn:*:ecr:*:*:repository/*', 'arn:aws:s3:::${aws:username}/*', 'arn:${aws:partition}:iam::${aws:PrincipalAccount}:role/x', '${ec2:SourceInstanceARN}']) {
      assert.equal(arnProblem(ok), undefined, ok);
    }
    assert.match(arnProblem('bucket')!, /arn:/);
    assert.match(arnProblem('ARN:aws:s3:::b')!, /lowercase/);
    assert.match(arnProblem('arn:aws:s3::b')!, /six/);
    assert.match(arnProblem('arn:amazon:s3:::b')!, /partition/);
    assert.match(arnProblem('arn:aws:S3:::b')!, /service/);
    assert.match(arnProblem('arn:aws:ecs:us-east-1:1234:cluster/x')!, /account/);
    assert.equal(arnProblem('arn:aws:ecs:<region>:123456789012:cluster/x'), undefined); // a template slot: unknown
    assert.equal(arnProblem('arn:aws:codepipeline:*', true), undefined);
  });
  it('intersects ARN globs with format templates', () => {
    const object = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
    const bucket = 'arn:${Partition}:s3:::${BucketName}';
    assert.ok(arnGlobMeetsFormat('arn:aws:s3:::b/*', object));
    assert.ok(!arnGlobMeetsFormat('arn:aws:s3:::b', object));
    assert.ok(arnGlobMeetsFormat('arn:aws:s3:::b*', object));
    assert.ok(arnGlobMeetsFormat('arn:aws:s3:::b', bucket));
    assert.ok(arnGlobMeetsFormat('arn:aws:ecs:*:*:task/c/*', 'arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}'));
    assert.ok(!arnGlobMeetsFormat('arn:aws:ecs:us-east-1:123456789012:cluster/c', 'arn:${Partition}:ecs:${Region}:${Account}:task/${ClusterName}/${TaskId}'));
    assert.ok(globMatcher('s3:Get*').test('S3:GETOBJECT'));
  });
});
