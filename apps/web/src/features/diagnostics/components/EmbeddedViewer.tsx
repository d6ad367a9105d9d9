import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import Toggle from '@cloudscape-design/components/toggle';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '@/components/ApiErrorAlert';
import { launchVnc } from '../api/vnc';
import { MAX_RECONNECTS } from '../logic/diagnostics';
import { IDLE_STATE, VncSession, type CreateRfb, type VncPhase, type VncSessionState } from '../logic/vnc-session';
import { PasswordPromptModal } from './PasswordPromptModal';
import { useHeightToViewportBottom } from './use-height-to-viewport-bottom';
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

/** Below the screen: the container's padding, so its edge stays in the window too. */
const SCREEN_BOTTOM_GAP_PX = 24;
/** Smaller than this the remote screen is unreadable: the page scrolls instead. */
const SCREEN_MIN_HEIGHT_PX = 320;

interface EmbeddedViewerProps {
  readonly regionId: string;
  readonly instanceId: string;
  /** More of the console's tools, shown with the viewer's own (Set VNC password). */
  readonly moreActions?: ReactNode;
  readonly onClose: () => void;
}

/**
 * noVNC in the page, with its tools above the screen. Each (re)connect gets a fresh single-use
 * address from the BFF. The screen ends at the bottom of the window, so the whole remote screen is
 * visible (scaled to fit) without scrolling the page.
 */
export function EmbeddedViewer({ regionId, instanceId, moreActions, onClose }: EmbeddedViewerProps) {
  const { t } = useTranslation();
  const screen = useRef<HTMLDivElement>(null);
  const session = useRef<VncSession | null>(null);
  const [state, setState] = useState<VncSessionState>(IDLE_STATE);
  const [scaleToFit, setScaleToFit] = useState(true);
  const [text, setText] = useState('');
  const screenHeight = useHeightToViewportBottom(screen, SCREEN_BOTTOM_GAP_PX, SCREEN_MIN_HEIGHT_PX);

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
    vnc.connect();
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
              {moreActions}
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
          style={
            screenHeight === undefined
              ? undefined
              : ({ '--vnc-screen-height': `${String(screenHeight)}px` } as CSSProperties)
          }
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
