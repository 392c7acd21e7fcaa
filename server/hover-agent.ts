// Hover for ecs.config keys (and the settings a user-data script writes): the variable's meaning, type, defaults.
import { agentHoverTarget } from '../rules/agent';
import { fileNameOf } from './documents';
import type { HoverProvider } from './hover';

export const agentHoverProvider: HoverProvider = ({ snap, doc, offset }) => {
  if (snap.kind !== 'agent-config') return [];
  const h = agentHoverTarget(snap.text, fileNameOf(doc.uri), offset);
  return h ? [h] : [];
};
