import type { VncLaunchAnswer } from '@ecs-console/contract';
import { useMutation } from '@tanstack/react-query';
import { apiFetch, callEcsAction } from '@/lib/api-client';
import { instancePath } from './instance-path';

/** A fresh VNC URL. The BFF audits every call; the URL itself is never logged. */
export function launchVnc(regionId: string, instanceId: string): Promise<VncLaunchAnswer> {
  return apiFetch<VncLaunchAnswer>(`${instancePath(regionId, instanceId)}/vnc`, { method: 'POST', body: {} });
}

export interface VncPasswordChange {
  readonly regionId: string;
  readonly instanceId: string;
  readonly password: string;
}

export function setVncPassword({ regionId, instanceId, password }: VncPasswordChange) {
  return callEcsAction('ModifyInstanceVncPasswd', {
    RegionId: regionId,
    InstanceId: instanceId,
    VncPassword: password,
  });
}

export function useSetVncPassword() {
  return useMutation({ mutationFn: setVncPassword });
}
