import * as assert from 'node:assert/strict';
import { findings, flagged, json, describeShape } from '../helpers';
import { parseImage } from '../../rules/task/image-pinned';

const RULE = 'task/image-pinned';
const task = (images: string[]) => ({ family: 'web', networkMode: 'awsvpc', containerDefinitions: images.map((image, i) => ({ name: `c${i}`, image })) });
const count = (image: string) => findings(RULE, json(task([image]))).length;

describe(RULE, () => {
  it('flags "latest" and untagged images on the image value, in a later container', () => {
    const text = json(task(['nginx:1.27', 'nginx:latest', 'nginx']));
    const fs = findings(RULE, text);
    assert.deepEqual(fs.map((f) => flagged(text, f)), ['"nginx:latest"', '"nginx"']);
    assert.match(fs[0].message, /"latest" tag/);
    assert.match(fs[1].message, /no tag/);
    assert.equal(fs[0].severity, 'warning');
  });
  it('a registry port is not a tag', () => {
    assert.equal(count('registry.example.com:5000/team/app'), 1);
    assert.equal(count('localhost:5000/app:latest'), 1);
    assert.equal(count('registry.example.com:5000/team/app:2.1'), 0);
  });
  it('accepts version tags (ECR or not) and digests, even with latest', () => {
    for (const image of [
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v42',
      'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
      'nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    ]) assert.equal(count(image), 0, image);
  });
  it('skips templated images (CodeDeploy, ecspresso, envsubst) and empty/non-string values', () => {
    for (const image of ['<IMAGE1_NAME>', '${IMAGE}', 'repo:${TAG}', '{{ must_env `IMAGE` }}', '']) assert.equal(count(image), 0, image);
    assert.equal(findings(RULE, json(task([]).containerDefinitions.concat([{ name: 'x', image: 42 } as never]))).length, 0);
  });
  it('works in the describe shape and a bare container array', () => {
    assert.equal(findings(RULE, describeShape(task(['alpine']))).length, 1);
    assert.equal(findings(RULE, json([{ name: 'a', image: 'alpine:latest' }])).length, 1);
  });
  it('parseImage splits registry, repository, tag and digest', () => {
    assert.deepEqual(parseImage('host:5000/a/b:1.0'), { registry: 'host:5000', repository: 'a/b', tag: '1.0', digest: undefined });
    assert.deepEqual(parseImage('library/nginx'), { registry: undefined, repository: 'library/nginx', tag: undefined, digest: undefined });
    assert.equal(parseImage('a@sha256:ff').digest, 'sha256:ff');
  });
});
