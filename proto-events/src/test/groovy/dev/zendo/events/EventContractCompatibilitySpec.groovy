package dev.zendo.events

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto
import com.google.protobuf.DescriptorProtos.FileDescriptorProto
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * Event contracts only grow. The committed baseline (proto-events/baseline/events.v1.txt) records every
 * message, field and enum value; refresh it after adding some with
 * {@code ./mvnw -pl proto-events test -Dcontracts.update=true}.
 */
class EventContractCompatibilitySpec extends Specification {

    static final Path BASELINE = Path.of(System.getProperty('contracts.baseline', 'baseline/events.v1.txt'))

    def setupSpec() {
        if (Boolean.getBoolean('contracts.update')) {
            Files.write(BASELINE, ContractSnapshot.of(ContractSnapshot.compiled()))
        }
    }

    def 'the compiled contracts keep every message, field and enum value of the baseline'() {
        expect:
        ContractCompatibility.violations(Files.readAllLines(BASELINE), ContractSnapshot.of(ContractSnapshot.compiled())) == []
    }

    def 'the baseline records everything the compiled contracts hold, so additions are guarded too'() {
        when:
        def unrecorded = ContractSnapshot.of(ContractSnapshot.compiled()) - Files.readAllLines(BASELINE)

        then: 'refresh with ./mvnw -pl proto-events test -Dcontracts.update=true'
        unrecorded == []
    }

    def 'a breaking edit to a contract is named: #edit'() {
        given:
        def baseline = ContractSnapshot.of(ContractSnapshot.compiled())

        when:
        def edited = ContractSnapshot.of(editMessage('MessageCreated', change))

        then:
        ContractCompatibility.violations(baseline, edited) == [expected]

        where:
        edit                  | change                                                                    || expected
        'removed field'       | { it.removeField(fieldIndex(it, 'body')) }                                || 'field .zendo.events.v1.MessageCreated.body (7) was removed'
        'renumbered field'    | { it.setField(fieldIndex(it, 'body'), it.getField(fieldIndex(it, 'body')).toBuilder().setNumber(17)) } || 'field .zendo.events.v1.MessageCreated.body was renumbered from 7 to 17'
        'retyped field'       | { it.setField(fieldIndex(it, 'seq'), it.getField(fieldIndex(it, 'seq')).toBuilder().setType(FieldDescriptorProto.Type.TYPE_INT32)) } || 'field .zendo.events.v1.MessageCreated.seq (3) was retyped from singular int64 to singular int32'
        'renamed field'       | { it.setField(fieldIndex(it, 'body'), it.getField(fieldIndex(it, 'body')).toBuilder().setName('text')) } || 'field .zendo.events.v1.MessageCreated 7 was renamed from body to text'
        'made repeated'       | { it.setField(fieldIndex(it, 'body'), it.getField(fieldIndex(it, 'body')).toBuilder().setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)) } || 'field .zendo.events.v1.MessageCreated.body (7) was retyped from singular string to repeated string'
    }

    def 'removing a message or an enum value is named'() {
        given:
        def baseline = ContractSnapshot.of(ContractSnapshot.compiled())
        def files = ContractSnapshot.compiled().collect { file ->
            def builder = file.toBuilder()
            def index = builder.messageTypeList.findIndexOf { it.name == 'ReadUpTo' }
            if (index >= 0) {
                builder.removeMessageType(index)
            }
            def kind = builder.enumTypeList.findIndexOf { it.name == 'MessageKind' }
            if (kind >= 0) {
                def values = builder.getEnumType(kind).toBuilder()
                values.removeValue(values.valueList.findIndexOf { it.name == 'MESSAGE_KIND_NOTE' })
                builder.setEnumType(kind, values)
            }
            builder.build()
        }

        when:
        def found = ContractCompatibility.violations(baseline, ContractSnapshot.of(files))

        then:
        found.contains('message .zendo.events.v1.ReadUpTo was removed')
        found.contains('enum value .zendo.events.v1.MessageKind.MESSAGE_KIND_NOTE (2) was removed or renumbered')
    }

    def 'adding a field or a message breaks nothing'() {
        given:
        def baseline = ContractSnapshot.of(ContractSnapshot.compiled())

        when:
        def grown = editMessage('MessageCreated') {
            it.addField(FieldDescriptorProto.newBuilder().setName('edited_at').setNumber(9)
                    .setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName('.google.protobuf.Timestamp'))
        }

        then:
        ContractCompatibility.violations(baseline, ContractSnapshot.of(grown)) == []
        ContractSnapshot.of(grown) - baseline == ['field .zendo.events.v1.MessageCreated 9 edited_at .google.protobuf.Timestamp singular']
    }

    private static List<FileDescriptorProto> editMessage(String name, Closure change) {
        ContractSnapshot.compiled().collect { file ->
            def builder = file.toBuilder()
            def index = builder.messageTypeList.findIndexOf { it.name == name }
            if (index >= 0) {
                def message = builder.getMessageType(index).toBuilder()
                change(message)
                builder.setMessageType(index, message)
            }
            builder.build()
        }
    }

    private static int fieldIndex(def message, String field) {
        message.fieldList.findIndexOf { it.name == field }
    }
}
