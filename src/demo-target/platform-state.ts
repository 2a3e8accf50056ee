// The deployment platform's data, in memory: deployments, change approvals (CAB) and connector publications.
// No timing and no I/O here: the pool and the HTTP layer add those.

/** Deployment rings, from the first users who get a release to everyone. */
export const RINGS = ['canary', 'pilot', 'broad'] as const;
export type Ring = (typeof RINGS)[number];

/** The five execution planes the platform publishes to, each with the same connector kinds. */
export const EXECUTION_PLANES = [
  { id: 'intune', name: 'Microsoft Intune' },
  { id: 'jamf', name: 'Jamf Pro' },
  { id: 'sccm', name: 'Configuration Manager' },
  { id: 'landscape', name: 'Canonical Landscape' },
  { id: 'ansible', name: 'Ansible Automation' },
] as const;
export const CONNECTORS = ['apps', 'patches', 'scripts'] as const;

export interface Deployment {
  id: number;
  app: string;
  version: string;
  ring: Ring;
  status: 'scheduled';
  createdBy: string;
  createdAt: string;
}

export interface Change {
  id: number;
  title: string;
  ring: Ring;
  submittedAt: string;
  decision?: 'approved' | 'rejected';
  decidedBy?: string;
  decidedAt?: string;
}

export interface Publication {
  id: number;
  plane: string;
  connector: string;
  status: 'queued';
  requestedBy: string;
  requestedAt: string;
}

export type DeploymentInput = { ok: true; app: string; version: string; ring: Ring } | { ok: false; field: string; message: string };

export type DecisionResult = { kind: 'decided'; change: Change } | { kind: 'notFound' } | { kind: 'alreadyDecided'; change: Change };

export type PublishResult = { kind: 'queued'; publication: Publication } | { kind: 'unknownPlane' } | { kind: 'unknownConnector' };

/** Checks a create-deployment body: `app`, `version` (non-empty strings) and a known `ring`. */
export function parseDeploymentInput(body: unknown): DeploymentInput {
  if (!isRecord(body)) return { ok: false, field: 'body', message: 'expected a JSON object with app, version and ring' };
  const { app, version, ring } = body;
  if (typeof app !== 'string' || app.trim() === '' || app.length > 200) return { ok: false, field: 'app', message: 'app must be a non-empty string of at most 200 characters' };
  if (typeof version !== 'string' || version.trim() === '' || version.length > 100) return { ok: false, field: 'version', message: 'version must be a non-empty string of at most 100 characters' };
  if (!isRing(ring)) return { ok: false, field: 'ring', message: `ring must be one of ${RINGS.join(', ')}` };
  return { ok: true, app, version, ring };
}

/** In-memory platform data with bounded growth. */
export class PlatformState {
  private readonly deployments = new Map<number, Deployment>();
  private readonly pending = new Map<number, Change>();
  private readonly decided = new Map<number, Change>();
  private readonly publishedPerPlane = new Map<string, number>();
  private nextDeploymentId = 1;
  private nextChangeId = 1001;
  private nextPublicationId = 1;

  constructor(
    private readonly limits: { pendingChanges: number; maxStoredRecords: number },
    private readonly now: () => number = Date.now,
  ) {
    for (let i = 0; i < limits.pendingChanges; i += 1) this.submitChange();
  }

  createDeployment(input: { app: string; version: string; ring: Ring }, createdBy: string): Deployment {
    const deployment: Deployment = { id: this.nextDeploymentId++, ...input, status: 'scheduled', createdBy, createdAt: this.isoNow() };
    this.deployments.set(deployment.id, deployment);
    // Maps iterate in insertion order, so the first key is the oldest deployment.
    if (this.deployments.size > this.limits.maxStoredRecords) {
      const oldest = this.deployments.keys().next();
      if (oldest.done !== true) this.deployments.delete(oldest.value);
    }
    return deployment;
  }

  getDeployment(id: number): Deployment | undefined {
    return this.deployments.get(id);
  }

  /** The newest deployments first. */
  listDeployments(limit: number): Deployment[] {
    const newest: Deployment[] = [];
    for (let id = this.nextDeploymentId - 1; id >= 1 && newest.length < limit; id -= 1) {
      const deployment = this.deployments.get(id);
      if (deployment === undefined) break;
      newest.push(deployment);
    }
    return newest;
  }

  get deploymentCount(): number {
    return this.nextDeploymentId - 1;
  }

  /** Pending changes, oldest first. */
  pendingChanges(): Change[] {
    return [...this.pending.values()];
  }

  /** Approves or rejects a pending change; a fresh change is submitted in its place so the queue never runs dry. */
  decideChange(id: number, decision: 'approved' | 'rejected', decidedBy: string): DecisionResult {
    const earlier = this.decided.get(id);
    if (earlier !== undefined) return { kind: 'alreadyDecided', change: earlier };
    const change = this.pending.get(id);
    if (change === undefined) return { kind: 'notFound' };
    this.pending.delete(id);
    const done: Change = { ...change, decision, decidedBy, decidedAt: this.isoNow() };
    this.decided.set(id, done);
    if (this.decided.size > this.limits.maxStoredRecords) {
      const oldest = this.decided.keys().next();
      if (oldest.done !== true) this.decided.delete(oldest.value);
    }
    this.submitChange();
    return { kind: 'decided', change: done };
  }

  get decidedCount(): number {
    return this.nextChangeId - 1001 - this.pending.size;
  }

  /** Queues a publication of a connector on an execution plane. */
  publish(plane: string, connector: string, requestedBy: string): PublishResult {
    if (!EXECUTION_PLANES.some((p) => p.id === plane)) return { kind: 'unknownPlane' };
    if (!CONNECTORS.some((c) => c === connector)) return { kind: 'unknownConnector' };
    this.publishedPerPlane.set(plane, (this.publishedPerPlane.get(plane) ?? 0) + 1);
    const publication: Publication = { id: this.nextPublicationId++, plane, connector, status: 'queued', requestedBy, requestedAt: this.isoNow() };
    return { kind: 'queued', publication };
  }

  /** Publications so far per plane id. */
  publications(): Record<string, number> {
    return Object.fromEntries(EXECUTION_PLANES.map((p) => [p.id, this.publishedPerPlane.get(p.id) ?? 0]));
  }

  private submitChange(): void {
    const id = this.nextChangeId++;
    const ring = RINGS[id % RINGS.length] ?? 'canary';
    this.pending.set(id, { id, title: `Release app-${id % 50} to ${ring}`, ring, submittedAt: this.isoNow() });
  }

  private isoNow(): string {
    return new Date(this.now()).toISOString();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRing(value: unknown): value is Ring {
  return typeof value === 'string' && RINGS.some((ring) => ring === value);
}
