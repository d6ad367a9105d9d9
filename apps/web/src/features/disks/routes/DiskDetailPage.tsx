import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import { useParams } from 'react-router';

/** `/disks/:regionId/:diskId`. */
export function DiskDetailPage() {
  const { diskId = '' } = useParams();
  return <ContentLayout header={<Header variant="h1">{diskId}</Header>} />;
}
