import { useMutation } from '@tanstack/react-query';
import { apiFetch, callEcsAction } from '@/lib/api-client';
import { instancePath } from './instance-path';

export interface VncLaunch {
  /** The `ws://` or `wss://` URL for the embedded viewer: single use, valid 15 seconds. */
  readonly websocketUrl: string;
  /** Alibaba Cloud's own VNC page for the same session. */
  readonly consoleUrl: string;
  readonly isWindows: boolean;
  readonly expiresAt: string;
}

/** A fresh VNC URL. The BFF audits every call; the URL itself is never logged. */
export function launchVnc(regionId: string, instanceId: string): Promise<VncLaunch> {
  return apiFetch<VncLaunch>(`${instancePath(regionId, instanceId)}/vnc`, { method: 'POST', body: {} });
}

export interface VncPasswordChange {
  readonly regionId: string;
  readonly instanceId: string;
  readonly password: string;
}

export function setVncPassword({ regionId, instanceId, password }: VncPasswordChange) {
  return callEcsAction<{ RequestId: string }>('ModifyInstanceVncPasswd', {
    RegionId: regionId,
    InstanceId: instanceId,
    VncPassword: password,
  });
}

export function useSetVncPassword() {
  return useMutation({ mutationFn: setVncPassword });
}
