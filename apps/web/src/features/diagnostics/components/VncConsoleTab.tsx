import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ButtonDropdown from '@cloudscape-design/components/button-dropdown';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useCurrentSession } from '@/lib/session';
import type { VncLaunchAnswer } from '@ecs-console/contract';
import { launchVnc } from '../api/vnc';
import { connectAvailability } from '../logic/diagnostics';
import { EmbeddedViewer } from './EmbeddedViewer';
import { NotRunningState } from './NotRunningState';
import type { DiagnosticsTabProps } from './ScreenshotTab';
import { SetVncPasswordModal } from './SetVncPasswordModal';

type ConnectWay = 'embedded' | 'official';

/** setTimeout's longest delay; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The VNC console. One Connect control: the embedded noVNC viewer is its main action; Alibaba
 * Cloud's own VNC page (new tab) is the other way, in its menu.
 */
export function VncConsoleTab({ regionId, instanceId, status }: DiagnosticsTabProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const availability = connectAvailability([status], user.role);
  const canOperate = availability.enabled || availability.reason === 'status';
  const [viewerOpen, setViewerOpen] = useState(false);
  const [openingPage, setOpeningPage] = useState(false);
  const [launchError, setLaunchError] = useState<unknown>(null);
  /** A launch whose new tab the browser blocked: offered as a link while its address is valid. */
  const [blockedLaunch, setBlockedLaunch] = useState<VncLaunchAnswer | null>(null);
  const [settingPassword, setSettingPassword] = useState(false);

  // An address is valid for 15 seconds: after that the link would only show an error.
  const blockedExpiresAt = blockedLaunch?.expiresAt;
  useEffect(() => {
    if (blockedExpiresAt === undefined) return undefined;
    const validForMs = Math.min(Math.max(0, Date.parse(blockedExpiresAt) - Date.now()), MAX_TIMER_MS);
    const timer = setTimeout(() => setBlockedLaunch(null), validForMs);
    return () => clearTimeout(timer);
  }, [blockedExpiresAt]);

  const openOfficialPage = async () => {
    // Opened during the click, which lets it through pop-up blockers; it gets its address once the BFF answers.
    const tab = window.open('', '_blank');
    setOpeningPage(true);
    setLaunchError(null);
    setBlockedLaunch(null);
    try {
      const launch = await launchVnc(regionId, instanceId);
      if (tab) {
        // Alibaba Cloud's page gets no handle on the console's window.
        tab.opener = null;
        tab.location.href = launch.consoleUrl;
      } else {
        setBlockedLaunch(launch);
      }
    } catch (error) {
      tab?.close();
      setLaunchError(error);
    } finally {
      setOpeningPage(false);
    }
  };

  const connect = (way: ConnectWay) => {
    if (way === 'official') {
      void openOfficialPage();
      return;
    }
    setLaunchError(null);
    setViewerOpen(true);
  };

  if (status !== 'Running' && !viewerOpen) return <NotRunningState tool="console" />;

  const passwordButton = (
    <Button
      disabled={!canOperate}
      disabledReason={canOperate ? undefined : t('diagnostics.connect.disabledReason.role')}
      onClick={() => setSettingPassword(true)}
    >
      {t('diagnostics.vnc.setPassword')}
    </Button>
  );
  const passwordModal = settingPassword && (
    <SetVncPasswordModal regionId={regionId} instanceId={instanceId} onDismiss={() => setSettingPassword(false)} />
  );

  // While the viewer is open it reconnects itself: no second Connect, and its tools take the space.
  if (viewerOpen) {
    return (
      <>
        <EmbeddedViewer
          regionId={regionId}
          instanceId={instanceId}
          moreActions={passwordButton}
          onClose={() => setViewerOpen(false)}
        />
        {passwordModal}
      </>
    );
  }

  const disabledReason = availability.enabled
    ? undefined
    : t(`diagnostics.connect.disabledReason.${availability.reason}`);

  return (
    <Container
      header={
        <Header
          variant="h2"
          description={t('diagnostics.vnc.description')}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {passwordButton}
              <ButtonDropdown
                variant="primary"
                ariaLabel={t('diagnostics.vnc.connectWays')}
                disabled={!availability.enabled}
                disabledReason={disabledReason}
                mainAction={{
                  text: t('diagnostics.vnc.connect'),
                  disabled: !availability.enabled,
                  disabledReason,
                  loading: openingPage,
                  onClick: () => connect('embedded'),
                }}
                items={[
                  {
                    id: 'embedded',
                    text: t('diagnostics.vnc.embedded'),
                    secondaryText: t('diagnostics.vnc.embeddedDescription'),
                  },
                  {
                    id: 'official',
                    text: t('diagnostics.vnc.openOfficial'),
                    secondaryText: t('diagnostics.vnc.openOfficialDescription'),
                    iconName: 'external',
                  },
                ]}
                onItemClick={({ detail }) => connect(detail.id === 'official' ? 'official' : 'embedded')}
              />
            </SpaceBetween>
          }
        >
          {t('diagnostics.vnc.title')}
        </Header>
      }
    >
      {launchError !== null && <ApiErrorAlert error={launchError} header={t('diagnostics.vnc.launchFailed')} />}
      {blockedLaunch && (
        <Alert type="info" header={t('diagnostics.vnc.tabBlocked')}>
          <Link
            external
            href={blockedLaunch.consoleUrl}
            target="_blank"
            rel="noopener noreferrer"
            onFollow={() => setBlockedLaunch(null)}
          >
            {t('diagnostics.vnc.openOfficial')}
          </Link>
        </Alert>
      )}
      {launchError === null && !blockedLaunch && t('diagnostics.vnc.connectHint')}
      {passwordModal}
    </Container>
  );
}
