import { Injectable } from '@nestjs/common';
import { DEFAULT_PARTITIONS, departmentIssuesTopic } from '@grievance/contracts';
import { KafkaConnection } from '@grievance/messaging';

/**
 * Makes sure each department's own topic (`department.<code>.issues.v1`) exists before
 * anything is published on it (the relay does not create topics). Remembers what it made.
 */
@Injectable()
export class DepartmentTopics {
  private readonly ensured = new Set<string>();

  constructor(private readonly kafka: KafkaConnection) {}

  async ensure(codes: readonly string[]): Promise<void> {
    const missing = [...new Set(codes)].filter((code) => !this.ensured.has(code));
    if (missing.length === 0) return;
    await this.kafka.ensureTopics(missing.map((code) => ({ topic: departmentIssuesTopic(code), partitions: DEFAULT_PARTITIONS })));
    missing.forEach((code) => this.ensured.add(code));
  }
}
