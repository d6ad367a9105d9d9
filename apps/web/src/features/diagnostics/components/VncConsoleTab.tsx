import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import Toggle from '@cloudscape-design/components/toggle';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { useCurrentSession } from '@/lib/session';
import type { VncLaunchAnswer } from '@ecs-console/contract';
import { launchVnc } from '../api/vnc';
import { connectAvailability, MAX_RECONNECTS } from '../logic/diagnostics';
import { IDLE_STATE, VncSession, type CreateRfb, type VncPhase, type VncSessionState } from '../logic/vnc-session';
import { NotRunningState } from './NotRunningState';
import { PasswordPromptModal } from './PasswordPromptModal';
import type { DiagnosticsTabProps } from './ScreenshotTab';
import { SetVncPasswordModal } from './SetVncPasswordModal';
import styles from './vnc.module.css';

/** noVNC is loaded only when someone opens a console, not with the instance page. */
const createRfb: CreateRfb = async (target, url, options) => {
  const { default: RFB } = await import('@novnc/novnc');
  return new RFB(target, url, options);
};

const STATUS_TYPES: Record<VncPhase, StatusIndicatorProps.Type> = {
  idle: 'stopped',
  connecting: 'in-progress',
  connected: 'success',
  reconnecting: 'loading',
  disconnected: 'stopped',
  failed: 'error',
};

/** A launch is single-use and short-lived: at most one of its two ways to connect gets it. */
interface Offer {
  readonly launch: VncLaunchAnswer;
  /** Opened in Alibaba Cloud's page, handed to the viewer, or past its expiry. */
  readonly used: boolean;
}

const markUsed = (offer: Offer | null): Offer | null => offer && { ...offer, used: true };

/**
 * The VNC console: Connect gets a console address from the BFF and offers Alibaba Cloud's VNC page
 * (new tab) or the embedded noVNC viewer with its tools.
 */
export function VncConsoleTab({ regionId, instanceId, status }: DiagnosticsTabProps) {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const availability = connectAvailability([status], user.role);
  const canOperate = availability.enabled || availability.reason === 'status';
  const [offer, setOffer] = useState<Offer | null>(null);
  const [launching, setLaunching] = useState(false);
  const [launchError, setLaunchError] = useState<unknown>(null);
  const [viewerOpen, setViewerOpen] = useState(false);
  const [settingPassword, setSettingPassword] = useState(false);

  // An address is valid for 15 seconds: after that only a fresh one works.
  const expiresAt = offer && !offer.used ? offer.launch.expiresAt : null;
  useEffect(() => {
    if (expiresAt === null) return undefined;
    const timer = setTimeout(() => setOffer(markUsed), Math.max(0, Date.parse(expiresAt) - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt]);

  const getLaunch = async () => {
    setLaunching(true);
    setLaunchError(null);
    try {
      setOffer({ launch: await launchVnc(regionId, instanceId), used: false });
    } catch (error) {
      setLaunchError(error);
    } finally {
      setLaunching(false);
    }
  };

  if (status !== 'Running' && !viewerOpen) return <NotRunningState tool="console" />;

  return (
    <SpaceBetween size="l">
      <Container
        header={
          <Header
            variant="h2"
            description={t('diagnostics.vnc.description')}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button
                  disabled={!canOperate}
                  disabledReason={canOperate ? undefined : t('diagnostics.connect.disabledReason.role')}
                  onClick={() => setSettingPassword(true)}
                >
                  {t('diagnostics.vnc.setPassword')}
                </Button>
                {/* While the viewer is open it reconnects itself; a second address would go unused. */}
                {!viewerOpen && (
                  <Button
                    variant="primary"
                    loading={launching}
                    disabled={!availability.enabled}
                    disabledReason={
                      availability.enabled ? undefined : t(`diagnostics.connect.disabledReason.${availability.reason}`)
                    }
                    onClick={() => void getLaunch()}
                  >
                    {t('diagnostics.vnc.connect')}
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            {t('diagnostics.vnc.title')}
          </Header>
        }
      >
        <SpaceBetween size="m">
          {launching && <StatusIndicator type="loading">{t('diagnostics.vnc.connecting')}</StatusIndicator>}
          {launchError !== null && <ApiErrorAlert error={launchError} header={t('diagnostics.vnc.launchFailed')} />}
          {offer && !viewerOpen && (
            <SpaceBetween direction="horizontal" size="l" alignItems="center">
              <Button variant="primary" onClick={() => setViewerOpen(true)}>
                {t('diagnostics.vnc.openEmbedded')}
              </Button>
              {offer.used ? (
                <Box variant="small" color="text-body-secondary">
                  {t('diagnostics.vnc.addressUsed')}
                </Box>
              ) : (
                <SpaceBetween size="xxxs">
                  <Link
                    external
                    href={offer.launch.consoleUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    onFollow={() => setOffer(markUsed)}
                  >
                    {t('diagnostics.vnc.openOfficial')}
                  </Link>
                  <Box variant="small" color="text-body-secondary">
                    {t('diagnostics.vnc.openOfficialDescription')}
                  </Box>
                </SpaceBetween>
              )}
            </SpaceBetween>
          )}
        </SpaceBetween>
      </Container>
      {viewerOpen && (
        <EmbeddedViewer
          regionId={regionId}
          instanceId={instanceId}
          firstUrl={offer && !offer.used ? offer.launch.websocketUrl : undefined}
          onFirstUrlUsed={() => setOffer(markUsed)}
          onClose={() => {
            setViewerOpen(false);
            setOffer(null);
          }}
        />
      )}
      {settingPassword && (
        <SetVncPasswordModal regionId={regionId} instanceId={instanceId} onDismiss={() => setSettingPassword(false)} />
      )}
    </SpaceBetween>
  );
}

interface EmbeddedViewerProps {
  readonly regionId: string;
  readonly instanceId: string;
  /** The address from Connect, if still unused; otherwise the viewer fetches a fresh one. */
  readonly firstUrl: string | undefined;
  readonly onFirstUrlUsed: () => void;
  readonly onClose: () => void;
}

function EmbeddedViewer({ regionId, instanceId, firstUrl, onFirstUrlUsed, onClose }: EmbeddedViewerProps) {
  const { t } = useTranslation();
  const screen = useRef<HTMLDivElement>(null);
  const session = useRef<VncSession | null>(null);
  const [state, setState] = useState<VncSessionState>(IDLE_STATE);
  const [scaleToFit, setScaleToFit] = useState(true);
  const [text, setText] = useState('');
  // Read once when the viewer opens; later (re)connects always fetch a fresh address.
  const initialUrl = useRef(firstUrl);
  const reportUsed = useRef(onFirstUrlUsed);

  useEffect(() => {
    const target = screen.current;
    if (!target) return undefined;
    const vnc = new VncSession({
      target,
      fetchUrl: async () => (await launchVnc(regionId, instanceId)).websocketUrl,
      createRfb,
      onChange: setState,
    });
    session.current = vnc;
    // Not cleared: under StrictMode's double effect the first session is disposed before it opens
    // a socket (it connects asynchronously), so the second may still use the address.
    const url = initialUrl.current;
    if (url !== undefined) reportUsed.current();
    vnc.connect(url);
    return () => {
      vnc.dispose();
      session.current = null;
    };
  }, [regionId, instanceId]);

  const connected = state.phase === 'connected';
  const active = connected || state.phase === 'connecting' || state.phase === 'reconnecting';

  const fullScreen = () => {
    void screen.current?.requestFullscreen().catch(() => undefined);
  };

  return (
    <Container
      header={
        <Header
          variant="h2"
          description={
            <StatusIndicator type={STATUS_TYPES[state.phase]}>
              {t('diagnostics.vnc.status.label')}: {t(`diagnostics.vnc.status.${state.phase}`)}
            </StatusIndicator>
          }
          actions={
            <SpaceBetween direction="horizontal" size="xs" alignItems="center">
              <Toggle
                checked={scaleToFit}
                onChange={({ detail }) => {
                  setScaleToFit(detail.checked);
                  session.current?.setScaleToFit(detail.checked);
                }}
              >
                {t('diagnostics.vnc.scaleToFit')}
              </Toggle>
              <Button iconName="expand" onClick={fullScreen}>
                {t('diagnostics.vnc.fullScreen')}
              </Button>
              <Button disabled={!connected} onClick={() => session.current?.sendCtrlAltDel()}>
                {t('diagnostics.vnc.ctrlAltDel')}
              </Button>
              {active ? (
                <Button onClick={() => session.current?.disconnect()}>{t('diagnostics.vnc.disconnect')}</Button>
              ) : (
                <>
                  <Button onClick={() => session.current?.connect()}>{t('diagnostics.vnc.reconnect')}</Button>
                  <Button variant="link" onClick={onClose}>
                    {t('diagnostics.vnc.close')}
                  </Button>
                </>
              )}
            </SpaceBetween>
          }
        >
          {t('diagnostics.vnc.viewerTitle')}
        </Header>
      }
    >
      <SpaceBetween size="m">
        {state.phase === 'reconnecting' && (
          <Alert type="warning">
            {t('diagnostics.vnc.reconnecting', { attempt: state.attempt, max: MAX_RECONNECTS })}
          </Alert>
        )}
        <ProblemAlert state={state} />
        <div
          ref={screen}
          className={styles.screen}
          role="application"
          aria-label={t('diagnostics.vnc.viewerLabel', { instanceId })}
        />
        <ExpandableSection headerText={t('diagnostics.vnc.sendText.title')}>
          <FormField
            label={t('diagnostics.vnc.sendText.label')}
            description={t('diagnostics.vnc.sendText.description')}
            stretch
          >
            <SpaceBetween size="xs">
              <Textarea
                value={text}
                rows={4}
                spellcheck={false}
                placeholder={t('diagnostics.vnc.sendText.placeholder')}
                onChange={({ detail }) => setText(detail.value)}
              />
              <Button disabled={!connected || text === ''} onClick={() => session.current?.typeText(text)}>
                {t('diagnostics.vnc.sendText.send')}
              </Button>
            </SpaceBetween>
          </FormField>
        </ExpandableSection>
      </SpaceBetween>
      {state.credentialsRequired && (
        <PasswordPromptModal
          instanceId={instanceId}
          onSubmit={(password) => session.current?.sendPassword(password)}
          onDismiss={() => session.current?.disconnect()}
        />
      )}
    </Container>
  );
}

function ProblemAlert({ state }: { readonly state: VncSessionState }) {
  const { t } = useTranslation();
  const problem = state.problem;
  if (!problem) return null;
  if (problem.kind === 'launchFailed') {
    return <ApiErrorAlert error={problem.error} header={t('diagnostics.vnc.launchFailed')} />;
  }
  if (problem.kind === 'securityFailure') {
    return (
      <Alert type="error">
        {problem.reason
          ? t('diagnostics.vnc.securityFailure', { reason: problem.reason })
          : t('diagnostics.vnc.securityFailureNoReason')}
      </Alert>
    );
  }
  return <Alert type="warning">{t('diagnostics.vnc.gaveUp', { max: MAX_RECONNECTS })}</Alert>;
}
