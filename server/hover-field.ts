// LSP adapter for field hovers: ECS task/service definition keys and enum values (rules/fields/hover.ts, with the
// rules that watch the field and their docs links) and the IAM policy grammar keys.
import { fieldAt, fieldHoverMarkdown } from '../rules/fields/hover';
import { policyKeyHoverAt } from '../rules/fields/policy-keys';
import { schemaCovers } from '../rules/fields/schemas';
import { docsUri } from './diagnostics';
import { fileNameOf } from './documents';
import type { HoverProvider } from './hover';

export const fieldHoverProvider: HoverProvider = ({ engine, snap, doc, offset }) => {
  const hit = fieldAt(snap.text, snap.kind, offset);
  if (hit) {
    // In files our JSON Schemas cover, VS Code's JSON hover already shows the field docs: add only the security part.
    const markdown = fieldHoverMarkdown(hit, (id) => {
      const meta = engine.rule(id)?.meta;
      return meta && { description: meta.description, href: docsUri(engine, id) };
    }, { securityOnly: schemaCovers(fileNameOf(doc.uri)) });
    return markdown ? [{ markdown, offset: hit.offset, length: hit.length }] : [];
  }
  const key = policyKeyHoverAt(snap.text, snap.kind, offset);
  return key ? [key] : [];
};
