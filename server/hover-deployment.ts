// Hover on a reference in a CloudFormation template: what it resolves to (rules/deployment/hover.ts).
import type { HoverProvider } from './hover';
import { referenceHover } from '../rules/deployment/hover';

export const deploymentHoverProvider: HoverProvider = ({ snap, offset }) => {
  const h = referenceHover(snap.text, snap.kind, offset, snap.findings, snap.siblings);
  return h ? [h] : [];
};
