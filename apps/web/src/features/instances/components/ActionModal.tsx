import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ActionModalProps {
  readonly header: string;
  readonly confirmButtonText: string;
  readonly onConfirm: () => void;
  readonly onDismiss: () => void;
  readonly children: ReactNode;
}

/** Confirmation with options for actions that can be undone (stop, reboot). Render it only while open. */
export function ActionModal({ header, confirmButtonText, onConfirm, onDismiss, children }: ActionModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      visible
      header={header}
      onDismiss={onDismiss}
      footer={
        <Box float="right">
          <SpaceBetween direction="horizontal" size="xs">
            <Button variant="link" onClick={onDismiss}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" onClick={onConfirm}>
              {confirmButtonText}
            </Button>
          </SpaceBetween>
        </Box>
      }
    >
      <SpaceBetween size="m">{children}</SpaceBetween>
    </Modal>
  );
}
