using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Pump.Core.Tests.Build
{
    /// <summary>Reads an assembly's metadata tables for anything generic.</summary>
    internal static class NanoCoreInspector
    {
        internal sealed class Findings
        {
            public List<string> AssemblyReferences { get; } = new();
            public List<string> Generics { get; } = new();
        }

        public static Findings Inspect(string path)
        {
            Assert.True(File.Exists(path), "Build the solution first: missing " + path);
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var findings = new Findings();

            foreach (var handle in md.AssemblyReferences)
            {
                findings.AssemblyReferences.Add(md.GetString(md.GetAssemblyReference(handle).Name));
            }

            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                if (type.GetGenericParameters().Count > 0)
                {
                    findings.Generics.Add("TypeDef " + md.GetString(type.Namespace) + "." + md.GetString(type.Name));
                }

                foreach (var methodHandle in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(methodHandle);
                    if (method.GetGenericParameters().Count > 0)
                    {
                        findings.Generics.Add("MethodDef " + md.GetString(type.Name) + "." + md.GetString(method.Name));
                    }
                }
            }

            // Generic instantiations (List<int>, Action<T>, ...) can hide in any signature blob: fields,
            // method and property signatures, locals, member references and type specifications.
            var provider = new GenericSpotter();
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                string owner = md.GetString(type.Name);
                foreach (var f in type.GetFields())
                {
                    Spot(findings, provider, "field " + owner + "." + md.GetString(md.GetFieldDefinition(f).Name), () => md.GetFieldDefinition(f).DecodeSignature(provider, null));
                }

                foreach (var m in type.GetMethods())
                {
                    var method = md.GetMethodDefinition(m);
                    string name = owner + "." + md.GetString(method.Name);
                    Spot(findings, provider, "method " + name, () => method.DecodeSignature(provider, null));
                    if (method.RelativeVirtualAddress != 0)
                    {
                        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                        if (!body.LocalSignature.IsNil)
                        {
                            Spot(findings, provider, "locals of " + name, () => md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null));
                        }
                    }
                }

                foreach (var p in type.GetProperties())
                {
                    Spot(findings, provider, "property " + owner + "." + md.GetString(md.GetPropertyDefinition(p).Name), () => md.GetPropertyDefinition(p).DecodeSignature(provider, null));
                }

                if (!type.BaseType.IsNil && type.BaseType.Kind == HandleKind.TypeSpecification)
                {
                    findings.Generics.Add("TypeSpec base type of " + owner);
                }
            }

            foreach (var handle in md.MemberReferences)
            {
                var reference = md.GetMemberReference(handle);
                string name = "member reference " + md.GetString(reference.Name);
                if (reference.Parent.Kind == HandleKind.TypeSpecification)
                {
                    findings.Generics.Add("TypeSpec parent of " + name);
                }

                if (reference.GetKind() == MemberReferenceKind.Method)
                {
                    Spot(findings, provider, name, () => reference.DecodeMethodSignature(provider, null));
                }
                else
                {
                    Spot(findings, provider, name, () => reference.DecodeFieldSignature(provider, null));
                }
            }

            int typeSpecs = md.GetTableRowCount(TableIndex.TypeSpec);
            for (int row = 1; row <= typeSpecs; row++)
            {
                var spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
                Spot(findings, provider, "TypeSpec row " + row, () => spec.DecodeSignature(provider, null));
            }

            int methodSpecs = md.GetTableRowCount(TableIndex.MethodSpec);
            if (methodSpecs > 0)
            {
                findings.Generics.Add("MethodSpec rows: " + methodSpecs);
            }

            if (md.GetTableRowCount(TableIndex.GenericParam) > 0 && findings.Generics.Count == 0)
            {
                findings.Generics.Add("GenericParam rows: " + md.GetTableRowCount(TableIndex.GenericParam));
            }

            return findings;
        }

        private static void Spot(Findings findings, GenericSpotter provider, string where, System.Action decode)
        {
            provider.Found = false;
            decode();
            if (provider.Found)
            {
                findings.Generics.Add(where);
            }
        }

        /// <summary>Decodes signatures to nothing but a flag: was anything generic in them?</summary>
        private sealed class GenericSpotter : ISignatureTypeProvider<int, object?>
        {
            public bool Found { get; set; }

            public int GetArrayType(int elementType, ArrayShape shape) => 0;
            public int GetByReferenceType(int elementType) => 0;
            public int GetFunctionPointerType(MethodSignature<int> signature) => 0;
            public int GetGenericInstantiation(int genericType, System.Collections.Immutable.ImmutableArray<int> typeArguments) { Found = true; return 0; }
            public int GetGenericMethodParameter(object? genericContext, int index) { Found = true; return 0; }
            public int GetGenericTypeParameter(object? genericContext, int index) { Found = true; return 0; }
            public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;
            public int GetPinnedType(int elementType) => 0;
            public int GetPointerType(int elementType) => 0;
            public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;
            public int GetSZArrayType(int elementType) => 0;
            public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => 0;
            public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => 0;
            public int GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => 0;
        }
    }
}
