using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Pump.OnTarget.Tests.Facades
{
    /// <summary>
    /// The public and protected declarations of one assembly as comparable text: every type (with its kind and
    /// base type), method and constructor (full signature), field (type, and value for constants) and event.
    /// </summary>
    internal static class ApiSurface
    {
        public static (string Name, string Version, SortedSet<string> Declarations) Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var provider = new TypeNames(md);
            var declarations = new SortedSet<string>(System.StringComparer.Ordinal);
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                if (!IsVisible(md, type))
                {
                    continue;
                }

                string name = provider.GetTypeFromDefinition(md, handle, 0);
                string baseType = type.BaseType.IsNil ? string.Empty : " : " + provider.Name(type.BaseType);
                declarations.Add("type " + name + " " + Kind(type.Attributes) + baseType);
                foreach (var m in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(m);
                    var access = method.Attributes & MethodAttributes.MemberAccessMask;
                    if (access != MethodAttributes.Public && access != MethodAttributes.Family && access != MethodAttributes.FamORAssem)
                    {
                        continue;
                    }

                    var signature = method.DecodeSignature(provider, null);
                    string modifiers = ((method.Attributes & MethodAttributes.Static) != 0 ? "static " : string.Empty) + (access == MethodAttributes.Public ? "public " : "protected ");
                    declarations.Add("method " + modifiers + signature.ReturnType + " " + name + "::" + md.GetString(method.Name) + "(" + string.Join(", ", signature.ParameterTypes) + ")");
                }

                foreach (var f in type.GetFields())
                {
                    var field = md.GetFieldDefinition(f);
                    var access = field.Attributes & FieldAttributes.FieldAccessMask;
                    if (access != FieldAttributes.Public && access != FieldAttributes.Family)
                    {
                        continue;
                    }

                    string value = field.GetDefaultValue().IsNil ? string.Empty : " = " + Constant(md, field.GetDefaultValue());
                    declarations.Add("field " + field.DecodeSignature(provider, null) + " " + name + "::" + md.GetString(field.Name) + value);
                }

                foreach (var e in type.GetEvents())
                {
                    var ev = md.GetEventDefinition(e);
                    declarations.Add("event " + provider.Name(ev.Type) + " " + name + "::" + md.GetString(ev.Name));
                }
            }

            var assembly = md.GetAssemblyDefinition();
            return (md.GetString(assembly.Name), assembly.Version.ToString(), declarations);
        }

        private static bool IsVisible(MetadataReader md, TypeDefinition type)
        {
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public)
            {
                return true;
            }

            if (visibility == TypeAttributes.NestedPublic || visibility == TypeAttributes.NestedFamily)
            {
                return IsVisible(md, md.GetTypeDefinition(type.GetDeclaringType()));
            }

            return false;
        }

        private static string Kind(TypeAttributes attributes) =>
            ((attributes & TypeAttributes.Interface) != 0 ? "interface" : "class")
            + ((attributes & TypeAttributes.Abstract) != 0 ? " abstract" : string.Empty)
            + ((attributes & TypeAttributes.Sealed) != 0 ? " sealed" : string.Empty);

        private static string Constant(MetadataReader md, ConstantHandle handle)
        {
            var constant = md.GetConstant(handle);
            var reader = md.GetBlobReader(constant.Value);
            return constant.TypeCode switch
            {
                ConstantTypeCode.Int32 => reader.ReadInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ConstantTypeCode.UInt32 => reader.ReadUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ConstantTypeCode.Byte => reader.ReadByte().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ConstantTypeCode.Int16 => reader.ReadInt16().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ConstantTypeCode.Int64 => reader.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => constant.TypeCode + ":" + System.Convert.ToHexString(md.GetBlobBytes(constant.Value)),
            };
        }

        /// <summary>Renders types by namespace-qualified name, so two assemblies' signatures compare as text.</summary>
        private sealed class TypeNames : ISignatureTypeProvider<string, object?>
        {
            private readonly MetadataReader _md;

            public TypeNames(MetadataReader md)
            {
                _md = md;
            }

            public string Name(EntityHandle handle) => handle.Kind switch
            {
                HandleKind.TypeDefinition => GetTypeFromDefinition(_md, (TypeDefinitionHandle)handle, 0),
                HandleKind.TypeReference => GetTypeFromReference(_md, (TypeReferenceHandle)handle, 0),
                HandleKind.TypeSpecification => GetTypeFromSpecification(_md, null, (TypeSpecificationHandle)handle, 0),
                _ => "?",
            };

            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

            public string GetByReferenceType(string elementType) => elementType + "&";

            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";

            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

            public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

            public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

            public string GetPinnedType(string elementType) => elementType;

            public string GetPointerType(string elementType) => elementType + "*";

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

            public string GetSZArrayType(string elementType) => elementType + "[]";

            public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            {
                var type = reader.GetTypeDefinition(handle);
                string name = reader.GetString(type.Name);
                return type.IsNested ? GetTypeFromDefinition(reader, type.GetDeclaringType(), 0) + "/" + name : reader.GetString(type.Namespace) + "." + name;
            }

            public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            {
                var type = reader.GetTypeReference(handle);
                string name = reader.GetString(type.Name);
                return type.ResolutionScope.Kind == HandleKind.TypeReference
                    ? GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, 0) + "/" + name
                    : reader.GetString(type.Namespace) + "." + name;
            }

            public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        }
    }
}
