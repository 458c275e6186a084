// Only the chosen channel's figures (CHANNEL_MEASURES): counts as whole numbers, and the
// channel's descriptive extras.
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import {
  BANNER_KINDS,
  BANNER_KIND_LABELS,
  CHANNEL_MEASURES,
  MEASURE_LABELS,
  type Channel,
  type ExtraMeasure,
} from '../../../../shared/domain';
import { CountInput, countRules } from '../../components/CountInput';

const KIND_OPTIONS = BANNER_KINDS.map((k) => ({ value: k, label: BANNER_KIND_LABELS[k] }));

function extraField(key: ExtraMeasure) {
  const label = MEASURE_LABELS[key];
  const testId = `measure-${key}`;
  switch (key) {
    case 'kind':
      return (
        <Form.Item label={label} name={['measures', 'kind']}>
          <Select options={KIND_OPTIONS} allowClear placeholder="Băng rôn" data-testid={testId} />
        </Form.Item>
      );
    case 'relayed':
      return (
        <Form.Item
          label="Tiếp âm (phát lại chương trình của đài cấp trên)"
          name={['measures', 'relayed']}
          valuePropName="checked"
        >
          <Switch checkedChildren="Tiếp âm" unCheckedChildren="Tự sản xuất" data-testid={testId} />
        </Form.Item>
      );
    case 'url':
      return (
        <Form.Item label={label} name={['measures', 'url']}>
          <Input placeholder="https://…" data-testid={testId} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item label={label} name={['measures', key]}>
          <Input data-testid={testId} />
        </Form.Item>
      );
  }
}

export function MeasureFields({ channel }: { channel: Channel }) {
  const { counts, extras } = CHANNEL_MEASURES[channel];
  const span = counts.length >= 3 ? 8 : 12;
  return (
    <div className="measures-box" data-testid="measures">
      <div className="box-title">Số liệu</div>
      <Row gutter={12}>
        {counts.map((key) => (
          <Col span={span} key={key}>
            <Form.Item
              label={MEASURE_LABELS[key]}
              name={['measures', key]}
              rules={countRules(MEASURE_LABELS[key], true)}
            >
              <CountInput data-testid={`measure-${key}`} />
            </Form.Item>
          </Col>
        ))}
        {extras.map((key) => (
          <Col span={key === 'slogan' || key === 'url' ? 24 : 12} key={key}>
            {extraField(key)}
          </Col>
        ))}
      </Row>
    </div>
  );
}
