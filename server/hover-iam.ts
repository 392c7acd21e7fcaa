// LSP adapter for the pure IAM hover (rules/iam/hover.ts): actions and condition keys in policy documents.
import { iamHoverAt } from '../rules/iam/hover';
import type { HoverProvider } from './hover';

export const iamHoverProvider: HoverProvider = ({ snap, offset }) => {
  // The snapshot's kind comes from the cached lint of this exact text: no re-detection per hover.
  const h = iamHoverAt(snap.text, snap.kind, offset);
  return h ? [h] : [];
};
